// Builds the demo composers and serves them on 127.0.0.1 with the same strict CSP as the
// browser tests, for a person to try the extension by hand (`./build.sh try` can run this and
// open Chromium with dist/extension loaded at the printed address). PORT picks the port.
import { startServer } from "../e2e/harness.mjs";
import { buildTestPages } from "./build.mjs";

const server = await startServer(await buildTestPages(), Number(process.env.PORT ?? 0));
console.log(`${server.origin}/index.html`);
