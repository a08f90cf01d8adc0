/**
 * What distinguishes one editor framework from another for Plume: how to recognise its root,
 * how to read its DOM (scaffolding, atoms) and which way of applying a fix it accepts, as
 * measured in `shared/design/editors.md`.
 */

import type { WalkRules } from "../extract";

/**
 * How a replacement reaches the framework's model:
 * - `execCommand`: select the range, `document.execCommand('insertText')` (native undo);
 * - `beforeinput`: a cancelable `beforeinput` `insertReplacementText` with target ranges, which
 *   the framework must handle (cancel) itself;
 * - `beforeinputOrExecCommand`: `beforeinput`, and `execCommand` only if nobody handled it;
 * - `paste`: a synthetic `paste` whose clipboard holds the replacement as text/plain.
 */
export type FixMethod = "execCommand" | "beforeinput" | "beforeinputOrExecCommand" | "paste";

export type EditorName = "draft" | "lexical" | "quill" | "prosemirror" | "slate" | "plain";

export interface EditorKind {
  readonly name: EditorName;
  /** Whether `root` (the outermost contenteditable element) belongs to this framework. */
  matches(root: HTMLElement): boolean;
  readonly rules: WalkRules;
  readonly method: FixMethod;
}
