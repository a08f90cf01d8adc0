// Exposes the content script's own DOM walk to the browser tests, so they can check the text
// and offset map it reads from each framework's DOM shapes (fixtures are test-owned HTML).
import { editorKindOf } from "../../../extension/content/adapters/index.ts";
import * as edit from "../../../extension/content/edit.ts";
import { extractText, overlapsAtom, rangeFor } from "../../../extension/content/extract.ts";

// The pure edit helpers, for tests of how a fix is shrunk, widened and followed.
window.plumeEdit = edit;

window.plumeWalk = (html, word) => {
  const template = document.createElement("template");
  template.innerHTML = html.trim();
  const root = template.content.firstElementChild;
  document.getElementById("fixture").replaceChildren(root);
  const kind = editorKindOf(root);
  const map = extractText(root, kind.rules);
  const result = { kind: kind.name, text: map.text };
  if (word !== undefined) {
    const start = map.text.indexOf(word);
    const range = rangeFor(map, start, start + word.length);
    result.range = range === null ? null : range.toString();
    result.overlapsAtom = overlapsAtom(map, start, start + word.length);
  }
  return result;
};
