// Slate with slate-react and slate-history, like Discord's composer: `*word*` is a bold leaf and
// `@name` becomes an inline void mention. The model text renders mentions as `@name`.
import React, { useCallback, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { createEditor, Text } from "slate";
import { Editable, Slate, withReact } from "slate-react";
import { withHistory } from "slate-history";
import { expose, seedLines, showModel } from "./common.js";

function withMentions(editor) {
  const { isInline, isVoid, markableVoid } = editor;
  editor.isInline = (element) => element.type === "mention" || isInline(element);
  editor.isVoid = (element) => element.type === "mention" || isVoid(element);
  editor.markableVoid = (element) => element.type === "mention" || markableVoid(element);
  return editor;
}

function children(runs) {
  const out = [];
  for (const run of runs) {
    for (const part of run.text.split(/(@\w+)/)) {
      if (part === "") continue;
      if (part.startsWith("@")) out.push({ type: "mention", name: part.slice(1), children: [{ text: "" }] }, { text: "" });
      else out.push(run.bold ? { text: part, bold: true } : { text: part });
    }
  }
  if (out.length === 0 || !Text.isText(out[0])) out.unshift({ text: "" });
  if (!Text.isText(out[out.length - 1])) out.push({ text: "" });
  return out;
}

const initial = seedLines().map((runs) => ({ type: "paragraph", children: children(runs) }));

function modelText(value) {
  return value
    .map((block) => block.children.map((node) => (Text.isText(node) ? node.text : `@${node.name}`)).join(""))
    .join("\n");
}

function Element({ attributes, children, element }) {
  if (element.type === "mention") {
    return (
      <span {...attributes} contentEditable={false} className="mention">
        @{element.name}
        {children}
      </span>
    );
  }
  return <p {...attributes}>{children}</p>;
}

function Leaf({ attributes, children, leaf }) {
  return <span {...attributes} style={leaf.bold ? { fontWeight: "bold" } : undefined}>{children}</span>;
}

function Composer() {
  const editor = useMemo(() => withMentions(withHistory(withReact(createEditor()))), []);
  const renderElement = useCallback((props) => <Element {...props} />, []);
  const renderLeaf = useCallback((props) => <Leaf {...props} />, []);
  showModel(modelText(editor.children.length > 0 ? editor.children : initial));
  return (
    <Slate editor={editor} initialValue={initial} onChange={(value) => showModel(modelText(value))}>
      <Editable className="editor" role="textbox" renderElement={renderElement} renderLeaf={renderLeaf} placeholder="Message #general" />
    </Slate>
  );
}

createRoot(document.getElementById("app")).render(<Composer />);
expose({});
