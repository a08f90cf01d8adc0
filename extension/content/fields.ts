/**
 * Field adapters: how to read, underline, hit-test and fix each kind of editable field.
 * `textarea`/`input` use the mirror overlay and native `execCommand('insertText')` (so the
 * page's input listeners and the browser's undo see the fix); contenteditable fields use the
 * CSS Custom Highlight API and the same command on a selected DOM Range.
 */

import type { Diagnostic } from "../shared/protocol";
import { applyEdit, minimalEdit } from "./edit";
import { extractText, rangeFor, type TextMap } from "./extract";
import { clearHighlights, setHighlights } from "./highlights";
import { MirrorOverlay, type TextField } from "./overlay";

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
  /** Re-positions underlines after scroll, resize or re-render. */
  redraw(): void;
  hitTest(x: number, y: number): Hit | null;
  /** Replaces the diagnostic's span with `replacement`, then verifies the result. */
  applyFix(diagnostic: Diagnostic, replacement: string): FixOutcome;
  dispose(): void;
}

/** Whether an element is a field Plume checks, honouring the page's opt-outs. */
export function isCheckableField(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement)) return false;
  if (element.closest('[data-gramm="false"], [data-enable-grammarly="false"], [data-plume="off"]')) {
    return false;
  }
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  if (element instanceof HTMLInputElement) {
    return ["text", "search"].includes(element.type) && !element.readOnly && !element.disabled;
  }
  return element.isContentEditable;
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
  return new ContentEditableAdapter(editorRoot(element));
}

function stillFlagged(text: string, diagnostic: Diagnostic, drawnText: string): boolean {
  const { start, end } = diagnostic.utf16;
  return text.slice(start, end) === drawnText.slice(start, end);
}

class TextFieldAdapter implements FieldAdapter {
  private readonly overlay: MirrorOverlay;
  private diagnostics: Diagnostic[] = [];
  private drawnText = "";

  constructor(readonly element: TextField) {
    this.overlay = new MirrorOverlay(element);
  }

  read(): string {
    return this.element.value;
  }

  draw(text: string, diagnostics: Diagnostic[]): void {
    this.drawnText = text;
    this.diagnostics = diagnostics;
    this.overlay.draw(
      diagnostics.map((d, key) => ({ key, category: d.category, rule: d.rule, ...d.utf16 })),
    );
  }

  redraw(): void {
    this.overlay.redraw();
  }

  hitTest(x: number, y: number): Hit | null {
    const hit = this.overlay.hitTest(x, y);
    const diagnostic = hit === null ? undefined : this.diagnostics[hit.key];
    return hit === null || diagnostic === undefined ? null : { diagnostic, rect: hit.rect };
  }

  applyFix(diagnostic: Diagnostic, replacement: string): FixOutcome {
    const field = this.element;
    const before = field.value;
    if (!stillFlagged(before, diagnostic, this.drawnText)) {
      return { ok: false, reason: "The text changed since it was checked; nothing was replaced." };
    }
    const edit = minimalEdit(before, diagnostic.utf16.start, diagnostic.utf16.end, replacement);
    const expected = applyEdit(before, edit);
    field.focus();
    field.setSelectionRange(edit.start, edit.end);
    const done = edit.insert === ""
      ? document.execCommand("delete", false)
      : document.execCommand("insertText", false, edit.insert);
    if (!done && field.value === before) {
      // Fallback without native undo: still notify the page's listeners of the change.
      field.setRangeText(edit.insert, edit.start, edit.end, "end");
      field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: edit.insert }));
    }
    if (field.value !== expected) {
      return { ok: false, reason: "The field did not accept the change as expected; copy the suggestion instead." };
    }
    return { ok: true };
  }

  dispose(): void {
    this.overlay.dispose();
  }
}

class ContentEditableAdapter implements FieldAdapter {
  private map: TextMap = { text: "", segments: [] };
  private diagnostics: Diagnostic[] = [];
  private drawnText = "";
  private ranges: Array<{ diagnostic: Diagnostic; range: Range }> = [];

  constructor(readonly element: HTMLElement) {}

  read(): string {
    this.map = extractText(this.element);
    return this.map.text;
  }

  draw(text: string, diagnostics: Diagnostic[]): void {
    this.drawnText = text;
    this.diagnostics = diagnostics;
    this.redraw();
  }

  redraw(): void {
    // Frameworks re-render text nodes: map the current DOM, and draw only if it still matches.
    const current = this.read();
    if (current !== this.drawnText) {
      this.ranges = [];
      clearHighlights(this);
      return;
    }
    this.ranges = [];
    for (const diagnostic of this.diagnostics) {
      const range = rangeFor(this.map, diagnostic.utf16.start, diagnostic.utf16.end);
      if (range !== null) this.ranges.push({ diagnostic, range });
    }
    setHighlights(this, this.ranges.map(({ diagnostic, range }) => ({ category: diagnostic.category, range })));
  }

  hitTest(x: number, y: number): Hit | null {
    for (const { diagnostic, range } of this.ranges) {
      for (const rect of range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) {
          return { diagnostic, rect };
        }
      }
    }
    return null;
  }

  applyFix(diagnostic: Diagnostic, replacement: string): FixOutcome {
    const before = this.read();
    if (!stillFlagged(before, diagnostic, this.drawnText)) {
      return { ok: false, reason: "The text changed since it was checked; nothing was replaced." };
    }
    const edit = minimalEdit(before, diagnostic.utf16.start, diagnostic.utf16.end, replacement);
    const expected = applyEdit(before, edit);
    const range = rangeFor(this.map, edit.start, edit.end);
    if (range === null) return { ok: false, reason: "The flagged text could not be located in the editor." };
    this.element.focus();
    const selection = window.getSelection();
    if (selection === null) return { ok: false, reason: "The page does not allow selecting text here." };
    selection.removeAllRanges();
    selection.addRange(range);
    if (edit.insert === "") document.execCommand("delete", false);
    else document.execCommand("insertText", false, edit.insert);
    if (this.read() !== expected) {
      return { ok: false, reason: "The editor did not accept the change as expected; copy the suggestion instead." };
    }
    return { ok: true };
  }

  dispose(): void {
    clearHighlights(this);
  }
}
