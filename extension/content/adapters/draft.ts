/**
 * Draft.js (X, TikTok): blocks are `div[data-block]`, text sits in `span[data-text]` leaves,
 * hashtags and mentions are decorator spans. Fixes go through a synthetic paste, the only
 * method that keeps the model intact across decorator spans (execCommand corrupts it there).
 */

import type { EditorKind } from "./kind";

export const draft: EditorKind = {
  name: "draft",
  matches: (root) => root.classList.contains("public-DraftEditor-content") || root.closest(".DraftEditor-root") !== null,
  rules: { skip: "br[data-text]", atom: "" },
  method: "paste",
};
