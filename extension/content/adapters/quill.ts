/**
 * Quill (LinkedIn posts, Slack): `.ql-editor` holds one `<p>` per line, an empty line is
 * `<p><br></p>`, `.ql-cursor` is a caret helper. Quill 2 handles `beforeinput`
 * insertReplacementText itself; `execCommand` is the fallback it also accepts.
 */

import type { EditorKind } from "./kind";

export const quill: EditorKind = {
  name: "quill",
  matches: (root) => root.classList.contains("ql-editor"),
  rules: { skip: ".ql-cursor, .ql-clipboard, .ql-ui", atom: "" },
  method: "beforeinputOrExecCommand",
};
