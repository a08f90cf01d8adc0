/**
 * A plain contenteditable (YouTube comments, simple forms): the browser's own editing, so
 * `execCommand` applies a fix and keeps the native undo stack.
 */

import type { EditorKind } from "./kind";

export const plain: EditorKind = {
  name: "plain",
  matches: () => true,
  rules: { skip: "", atom: "" },
  method: "execCommand",
};
