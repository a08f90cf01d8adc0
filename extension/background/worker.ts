/**
 * The background service worker: owns the one wasm instance of the Rust core and answers
 * `check` messages. Nothing is drawn here and no text leaves the browser.
 */

import init, { check } from "../../build/wasm/plume.js";
import { parseCheckRequest, type CheckResponse, type Report } from "../shared/protocol";

let ready: Promise<unknown> | undefined;

/** Instantiates the wasm once per worker life; a restarted worker instantiates again. */
function ensureCore(): Promise<unknown> {
  ready ??= init({ module_or_path: chrome.runtime.getURL("wasm/plume_bg.wasm") });
  return ready;
}

async function answer(message: unknown): Promise<CheckResponse> {
  const request = parseCheckRequest(message);
  if (typeof request === "string") return { type: "error", message: `rejected: ${request}` };
  await ensureCore();
  const report = check(request.text, undefined) as Report;
  return { type: "report", revision: request.revision, report };
}

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  answer(message)
    .then(sendResponse)
    .catch((error: unknown) => {
      sendResponse({ type: "error", message: String(error) } satisfies CheckResponse);
    });
  return true; // the response is sent asynchronously
});

// Warm up as soon as the worker starts, so the first keystroke does not pay for compilation.
void ensureCore();
