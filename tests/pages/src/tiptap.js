// TipTap 3 (ProseMirror) with the starter kit, seeded from the URL; `*word*` is bold.
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { expose, seedLines, showModel } from "./common.js";

const doc = {
  type: "doc",
  content: seedLines().map((runs) => ({
    type: "paragraph",
    content: runs.map((run) => (run.bold ? { type: "text", text: run.text, marks: [{ type: "bold" }] } : { type: "text", text: run.text })),
  })),
};
for (const paragraph of doc.content) if (paragraph.content.length === 0) delete paragraph.content;

const editor = new Editor({
  element: document.getElementById("editor"),
  extensions: [StarterKit],
  content: doc,
  onUpdate: ({ editor }) => showModel(editor.getText({ blockSeparator: "\n" })),
});
showModel(editor.getText({ blockSeparator: "\n" }));
expose({});
