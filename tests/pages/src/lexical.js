// Lexical (rich text + history + hashtag nodes, or plain text with `?plain=1`), optionally inside a custom
// element whose open shadow root slots the light-DOM editor, like Reddit's composer
// (`?host=custom`). `*word*` in the seed is bold.
import { $createParagraphNode, $createTextNode, $createLineBreakNode, $getRoot, createEditor } from "lexical";
import { HeadingNode, QuoteNode, registerRichText } from "@lexical/rich-text";
import { registerPlainText } from "@lexical/plain-text";
import { createEmptyHistoryState, registerHistory } from "@lexical/history";
import { HashtagNode, registerLexicalHashtag } from "@lexical/hashtag";
import { expose, params, seedLines, showModel } from "./common.js";

class ComposerHost extends HTMLElement {
  constructor() {
    super();
    const shadow = this.attachShadow({ mode: "open" });
    const frame = document.createElement("div");
    frame.className = "frame";
    frame.append(document.createElement("slot"));
    shadow.append(frame);
  }
}
customElements.define("composer-host", ComposerHost);

const editable = document.createElement("div");
editable.contentEditable = "true";
editable.setAttribute("role", "textbox");
editable.className = "editor";
if (params.get("host") === "custom") {
  const host = document.createElement("composer-host");
  host.append(editable);
  document.getElementById("app").append(host);
} else {
  document.getElementById("app").append(editable);
}

const plain = params.get("plain") === "1";
const editor = createEditor({
  namespace: "plume-test",
  nodes: [HeadingNode, QuoteNode, HashtagNode],
  theme: { text: { bold: "bold" }, hashtag: "hashtag" },
  onError: (error) => {
    throw error;
  },
});
editor.setRootElement(editable);
if (plain) registerPlainText(editor);
else registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
// Hashtags become their own nodes, as on Facebook and Instagram.
registerLexicalHashtag(editor);

editor.update(
  () => {
    const root = $getRoot();
    root.clear();
    const lines = seedLines();
    if (plain) {
      const paragraph = $createParagraphNode();
      lines.forEach((runs, i) => {
        if (i > 0) paragraph.append($createLineBreakNode());
        for (const run of runs) paragraph.append($createTextNode(run.text));
      });
      root.append(paragraph);
    } else {
      for (const runs of lines) {
        const paragraph = $createParagraphNode();
        for (const run of runs) {
          const node = $createTextNode(run.text);
          if (run.bold) node.toggleFormat("bold");
          paragraph.append(node);
        }
        root.append(paragraph);
      }
    }
  },
  { tag: "history-merge" },
);

editor.registerUpdateListener(({ editorState }) => {
  editorState.read(() => {
    showModel($getRoot().getChildren().map((block) => block.getTextContent()).join("\n"));
  });
});
// Replaces the whole editor state with an equal one: every node gets a new key, so Lexical
// rebuilds every paragraph and text element (as when a site restores a saved draft).
expose({
  rerender: () => editor.setEditorState(editor.parseEditorState(JSON.stringify(editor.getEditorState().toJSON()))),
});
