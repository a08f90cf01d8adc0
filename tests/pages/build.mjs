// Bundles the editor test pages from the real npm packages (offline, with esbuild) into
// build/test-pages/, next to their HTML and CSS. The browser tests call `buildTestPages()`
// before starting; `node tests/pages/build.mjs` does the same by hand.
import { cp, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
export const testPagesDir = path.resolve(here, "../../build/test-pages");

export async function buildTestPages(outdir = testPagesDir) {
  await mkdir(outdir, { recursive: true });
  const sources = (await readdir(path.join(here, "src"))).filter((f) => /\.(jsx?)$/.test(f) && f !== "common.js");
  await esbuild.build({
    entryPoints: sources.map((f) => path.join(here, "src", f)),
    outdir,
    bundle: true,
    format: "iife",
    target: "chrome120",
    jsx: "automatic",
    minify: false,
    sourcemap: false,
    logLevel: "warning",
    define: { global: "window", "process.env.NODE_ENV": '"production"' },
  });
  for (const file of await readdir(here)) {
    if (/\.(html|css)$/.test(file)) await cp(path.join(here, file), path.join(outdir, file));
  }
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`test pages in ${await buildTestPages()}`);
}
