/**
 * Lexical (Facebook, Instagram, Threads, WhatsApp, Reddit): paragraphs are `<p>`, an extra
 * `br[data-lexical-managed-linebreak]` is scaffolding after a real line break, decorators are
 * non-editable islands. Fixes: `beforeinput` insertReplacementText (Lexical records it in its
 * history), `execCommand` if Lexical did not take it.
 */

import type { EditorKind } from "./kind";

export const lexical: EditorKind = {
  name: "lexical",
  matches: (root) => root.dataset.lexicalEditor === "true",
  rules: { skip: "br[data-lexical-managed-linebreak]", atom: "[data-lexical-decorator=true]" },
  method: "beforeinputOrExecCommand",
};
