/** Recognises which editor framework manages a contenteditable root (first match wins). */

import { draft } from "./draft";
import type { EditorKind } from "./kind";
import { lexical } from "./lexical";
import { plain } from "./plain";
import { prosemirror } from "./prosemirror";
import { quill } from "./quill";
import { slate } from "./slate";

const KINDS: readonly EditorKind[] = [lexical, draft, quill, prosemirror, slate, plain];

export function editorKindOf(root: HTMLElement): EditorKind {
  return KINDS.find((kind) => kind.matches(root)) ?? plain;
}
