/**
 * Slate (Discord): `[data-slate-editor]`, elements `[data-slate-node=element]`, zero-width
 * anchors `[data-slate-zero-width]` are scaffolding, emoji and mentions are inline voids.
 * Only `beforeinput` (with target ranges) keeps Slate's model and DOM together: `execCommand`
 * changes the DOM behind Slate's back, so it is never used here.
 */

import type { EditorKind } from "./kind";

export const slate: EditorKind = {
  name: "slate",
  matches: (root) => root.dataset.slateEditor === "true",
  rules: { skip: "[data-slate-zero-width], [data-slate-spacer]", atom: "[data-slate-void=true]" },
  method: "beforeinput",
};
