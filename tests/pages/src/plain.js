// Plain contenteditable fields (YouTube-like), opted-out fields, a custom element with a
// contenteditable inside its open shadow root, and an about:blank frame holding another field.
// The model of a plain field is its own DOM text (innerText). `plumeTest.rerender()` replaces
// every text node with an identical new one, as frameworks do when they re-render.
import { expose, params, seedText, showModel } from "./common.js";

const EMOJI_IMAGE =
  "data:image/svg+xml," + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="7" fill="gold"/></svg>');

// `:party:` in the seed becomes an emoji image (alt text 🎉), as Facebook and X draw emoji.
const main = document.getElementById("plain");
seedText.split(/(:party:)/).forEach((part) => {
  if (part === ":party:") {
    const img = document.createElement("img");
    img.alt = "🎉";
    img.src = EMOJI_IMAGE;
    img.style.cssText = "width:1.1em;height:1.1em;vertical-align:-0.2em";
    main.append(img);
  } else if (part !== "") {
    main.append(document.createTextNode(part));
  }
});
const update = () => showModel(main.innerText.replace(/\n$/, ""));
// `?duplicate=1` imitates an editor bug peers met: inserted text lands twice.
if (params.get("duplicate") === "1") {
  main.addEventListener("input", (event) => {
    const node = window.getSelection().focusNode;
    if (event.inputType === "insertText" && node instanceof Text) node.insertData(window.getSelection().focusOffset, event.data);
  });
}
main.addEventListener("input", update);
update();

class ShadowComposer extends HTMLElement {
  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    const box = document.createElement("div");
    box.contentEditable = "true";
    box.id = "inner";
    box.setAttribute("role", "textbox");
    box.style.cssText = "border:1px solid #999;padding:6px;min-height:2em;font:16px/1.4 sans-serif;";
    box.addEventListener("input", () => (document.getElementById("shadow-model").textContent = box.innerText));
    shadow.append(box);
  }
}
customElements.define("shadow-composer", ShadowComposer);

const frame = document.getElementById("blank-frame");
if (frame !== null) {
  const field = frame.contentDocument.createElement("div");
  field.contentEditable = "true";
  field.id = "framed";
  field.style.cssText = "border:1px solid #999;padding:6px;min-height:2em;font:16px/1.4 sans-serif;";
  frame.contentDocument.body.append(field);
}

function replaceTextNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node);
  for (const node of nodes) node.replaceWith(document.createTextNode(node.data));
}

/** Changes the draft the way a page script would, without an input event. */
function pageEdit(from, to) {
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.data.includes(from)) {
      node.data = node.data.replace(from, to);
      break;
    }
  }
  update();
}

expose({ rerender: () => replaceTextNodes(main), pageEdit });
