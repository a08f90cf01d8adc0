/**
 * A small reader of `.zip` archives holding several packs: stored and deflated entries only,
 * inflated by the browser's own `DecompressionStream("deflate-raw")`. Hostile archives are
 * bounded: entry count, declared and actual sizes; encrypted or other methods are refused.
 */

export interface ZipEntry {
  /** Path inside the archive. */
  name: string;
  bytes: Uint8Array;
}

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Reads every file entry (directories skipped) whose name `wanted` accepts; throws an Error naming the problem. */
export async function readZip(buffer: ArrayBuffer, limits: ZipLimits, wanted: (name: string) => boolean): Promise<ZipEntry[]> {
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  let eocd = -1;
  for (let i = buffer.byteLength - 22; i >= Math.max(0, buffer.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive (no end of central directory)");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.byteLength || view.getUint32(at, true) !== CENTRAL) throw new Error("damaged central directory");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at = next;
    if (name.endsWith("/") || name.startsWith("__MACOSX/") || !wanted(name)) continue;
    if (entries.length >= limits.maxEntries) throw new Error(`more than ${limits.maxEntries} packs in the archive`);
    if ((flags & 1) !== 0) throw new Error(`${name}: encrypted entries are not supported`);
    if (size > limits.maxEntryBytes) throw new Error(`${name}: ${size} bytes (at most ${limits.maxEntryBytes})`);
    if (local + 30 > buffer.byteLength || view.getUint32(local, true) !== LOCAL) throw new Error(`${name}: damaged entry`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > buffer.byteLength) throw new Error(`${name}: truncated entry`);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) entries.push({ name, bytes: data.slice() });
    else if (method === 8) entries.push({ name, bytes: await inflate(data, limits.maxEntryBytes, name) });
    else throw new Error(`${name}: compression method ${method} is not supported (use stored or deflate)`);
  }
  return entries;
}

async function inflate(data: Uint8Array<ArrayBuffer>, max: number, name: string): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new Error(`${name}: inflates beyond ${max} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
