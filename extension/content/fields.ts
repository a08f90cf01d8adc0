/**
 * Which elements Plume checks, and the adapter that reads, underlines, hit-tests and fixes
 * each: `textarea`/`input` through the mirror overlay (adapters/textfield.ts), contenteditable
 * editors through CSS highlights and the fix method their framework accepts
 * (adapters/editable.ts, frameworks recognised in adapters/index.ts).
 */

import type { Diagnostic } from "../shared/protocol";
import { EditableAdapter } from "./adapters/editable";
import { editorKindOf } from "./adapters/index";
import { TextFieldAdapter } from "./adapters/textfield";

export type FixOutcome = { ok: true } | { ok: false; reason: string };

export interface Hit {
  diagnostic: Diagnostic;
  rect: DOMRect;
}

export interface FieldAdapter {
  readonly element: HTMLElement;
  /** The field's current plain text (UTF-16, as the core's `utf16` spans count). */
  read(): string;
  /** Underlines `diagnostics`, which were computed for `text`. */
  draw(text: string, diagnostics: Diagnostic[]): void;
  /**
   * Whether the field still holds `text` (what a report was computed for): results are drawn
   * only onto the text they were computed for.
   */
  holds(text: string): boolean;
  /**
   * The caret's offset in the field's text (as `read()` counts) while the field has focus and
   * nothing is selected, or null.
   */
  caret(): number | null;
  /** Re-positions underlines after scroll, resize or re-render. */
  redraw(): void;
  hitTest(x: number, y: number): Hit | null;
  /** Every drawn diagnostic with its first visible rectangle, in text order (for "next issue"). */
  hits?(): Hit[];
  /**
   * Replaces the diagnostic's span with `replacement`, then verifies the editor holds exactly
   * the expected text. Editors commit asynchronously, so the outcome may come as a promise.
   */
  applyFix(diagnostic: Diagnostic, replacement: string): FixOutcome | Promise<FixOutcome>;
  /**
   * Calls `onChange` when the text changes without an `input` event reaching the field
   * (frameworks re-rendering, the page replacing the draft). Optional for older callers.
   */
  watch?(onChange: () => void): void;
  dispose(): void;
}

const OPT_OUT = '[data-gramm="false"], [data-enable-grammarly="false"], [data-plume="off"]';

/** `closest` that continues through shadow roots to their hosts. */
function closestComposed(element: Element, selector: string): Element | null {
  for (let current: Element | null = element; current !== null; ) {
    const found = current.closest(selector);
    if (found !== null) return found;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** Whether the page asked writing assistants to keep out of this element. */
export function optedOut(element: Element): boolean {
  return closestComposed(element, OPT_OUT) !== null;
}

/** Whether an element is a field Plume checks, honouring the page's opt-outs (not `spellcheck`). */
export function isCheckableField(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement)) return false;
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled && !optedOut(element);
  if (element instanceof HTMLInputElement) {
    return ["text", "search"].includes(element.type) && !element.readOnly && !element.disabled && !optedOut(element);
  }
  return element.isContentEditable && !optedOut(element);
}

/** The outermost contenteditable ancestor: the editor root a framework manages. */
export function editorRoot(element: HTMLElement): HTMLElement {
  let root = element;
  while (root.parentElement !== null && root.parentElement.isContentEditable) root = root.parentElement;
  return root;
}

export function adapterFor(element: HTMLElement): FieldAdapter {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
    return new TextFieldAdapter(element);
  }
  const root = editorRoot(element);
  return new EditableAdapter(root, editorKindOf(root));
}
