/**
 * Ignores remembered per draft: "Ignore" on an issue is kept in `chrome.storage.local` under the
 * page the draft is written on (origin and path, from the sender's address), so it still holds
 * after a reload. Only the rule and the flagged words are kept, for the most recent pages, within
 * a small budget. The content script asks the worker (it never touches storage itself).
 */

const STORAGE_KEY = "ignored";
/** Pages remembered, most recent first. */
const MAX_PAGES = 50;
/** Ignored issues remembered per page. */
const MAX_PER_PAGE = 200;
/** Longest key kept (a rule id and the flagged text). */
export const MAX_IGNORE_KEY_LENGTH = 300;

interface PageIgnores {
  page: string;
  keys: string[];
}

/** The draft's page: its origin and path (not the query, which often carries tracking), or null. */
export function pageOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return null;
  }
}

async function readAll(): Promise<PageIgnores[]> {
  const stored = await chrome.storage.local.get(STORAGE_KEY);
  const value: unknown = stored[STORAGE_KEY];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is PageIgnores =>
      typeof p === "object" && p !== null && typeof (p as PageIgnores).page === "string" &&
      Array.isArray((p as PageIgnores).keys) && (p as PageIgnores).keys.every((k) => typeof k === "string"),
  );
}

/** The issues ignored on `page` before. */
export async function loadIgnored(page: string): Promise<string[]> {
  return (await readAll()).find((p) => p.page === page)?.keys ?? [];
}

/** Remembers one more ignored issue for `page`; the page becomes the most recent. */
export async function saveIgnored(page: string, key: string): Promise<void> {
  const all = await readAll();
  const mine = all.find((p) => p.page === page) ?? { page, keys: [] };
  const keys = [key, ...mine.keys.filter((k) => k !== key)].slice(0, MAX_PER_PAGE);
  const rest = all.filter((p) => p.page !== page);
  await chrome.storage.local.set({ [STORAGE_KEY]: [{ page, keys }, ...rest].slice(0, MAX_PAGES) });
}
