// Quill 2 with its history module (cleared after seeding, so undo cannot remove the seed).
import Quill from "quill";
import { expose, seedLines, showModel } from "./common.js";

const quill = new Quill("#editor", { modules: { history: { delay: 0 } }, placeholder: "Start a post" });
const ops = [];
for (const runs of seedLines()) {
  for (const run of runs) ops.push(run.bold ? { insert: run.text, attributes: { bold: true } } : { insert: run.text });
  ops.push({ insert: "\n" });
}
quill.setContents(ops, "api");
quill.history.clear();
const update = () => showModel(quill.getText().replace(/\n$/, ""));
quill.on("text-change", update);
update();
// Sets the same contents again without telling listeners: Quill rebuilds every line element.
expose({ rerender: () => quill.setContents(quill.getContents(), "silent") });
