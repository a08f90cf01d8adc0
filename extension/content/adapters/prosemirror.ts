/**
 * ProseMirror and TipTap (Bluesky, LinkedIn comments): `.ProseMirror` with `<p>` blocks and
 * two kinds of scaffolding (`img.ProseMirror-separator`, `br.ProseMirror-trailingBreak`).
 * ProseMirror ignores synthetic `beforeinput` and pasting triggers link cards on Bluesky, so
 * fixes use `execCommand`, which ProseMirror reads back from the DOM into a transaction.
 */

import type { EditorKind } from "./kind";

export const prosemirror: EditorKind = {
  name: "prosemirror",
  matches: (root) => root.classList.contains("ProseMirror"),
  rules: { skip: "img.ProseMirror-separator, br.ProseMirror-trailingBreak, .ProseMirror-widget", atom: "" },
  method: "execCommand",
};
