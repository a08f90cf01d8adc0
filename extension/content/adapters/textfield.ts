/**
 * The adapter for `textarea` and `input[type=text|search]`: underlines through the mirror
 * overlay; fixes by selecting the range and `execCommand('insertText')` (the page's input
 * listeners and the browser's undo see it), falling back to `setRangeText` plus an `input`
 * event (not undoable) when the command is refused.
 */

import type { Diagnostic } from "../../shared/protocol";
import { applyEdit, endAfterEdit, locateSpan, minimalEdit, spanLocator } from "../edit";
import type { FieldAdapter, FixOutcome, Hit } from "../fields";
import { MirrorOverlay, type TextField } from "../overlay";

export class TextFieldAdapter implements FieldAdapter {
  private readonly overlay: MirrorOverlay;
  private diagnostics: Diagnostic[] = [];
  /** The value each diagnostic was computed on, to find its span again before a fix. */
  private readonly basis = new WeakMap<Diagnostic, string>();

  constructor(readonly element: TextField) {
    this.overlay = new MirrorOverlay(element);
  }

  read(): string {
    return this.element.value;
  }

  holds(text: string): boolean {
    return this.element.value === text;
  }

  caret(): number | null {
    const field = this.element;
    const root = field.getRootNode() as Document | ShadowRoot;
    if (root.activeElement !== field || field.selectionStart === null || field.selectionStart !== field.selectionEnd) return null;
    return field.selectionStart;
  }

  /** The value the drawn diagnostics' spans point into. */
  private drawnText = "";

  draw(text: string, diagnostics: Diagnostic[]): void {
    this.drawnText = text;
    for (const diagnostic of diagnostics) this.basis.set(diagnostic, text);
    this.diagnostics = diagnostics;
    this.overlay.draw(diagnostics.map((d, key) => ({ key, category: d.category, rule: d.rule, ...d.utf16 })));
  }

  /**
   * Re-positions the marks; when the value changed since they were drawn, the marks of spans
   * the change did not touch move with their text and the others go (until the next check), so
   * no underline ever lands on text it was not computed for.
   */
  redraw(): void {
    const value = this.element.value;
    if (value !== this.drawnText) {
      const kept: Diagnostic[] = [];
      const locate = spanLocator(this.drawnText, value);
      for (const diagnostic of this.diagnostics) {
        const span = locate(diagnostic.utf16);
        if (span === null) continue;
        const moved = span === diagnostic.utf16 ? diagnostic : { ...diagnostic, utf16: span };
        kept.push(moved);
      }
      this.draw(value, kept);
      return;
    }
    this.overlay.redraw();
  }

  hits(): Hit[] {
    const hits: Hit[] = [];
    for (const mark of this.overlay.drawn()) {
      const diagnostic = this.diagnostics[mark.key];
      const rect = mark.rects[0];
      if (diagnostic !== undefined && rect !== undefined) hits.push({ diagnostic, rect });
    }
    return hits.sort((a, b) => a.diagnostic.utf16.start - b.diagnostic.utf16.start);
  }

  hitTest(x: number, y: number): Hit | null {
    const hit = this.overlay.hitTest(x, y);
    const diagnostic = hit === null ? undefined : this.diagnostics[hit.key];
    return hit === null || diagnostic === undefined ? null : { diagnostic, rect: hit.rect };
  }

  applyFix(diagnostic: Diagnostic, replacement: string): FixOutcome {
    const field = this.element;
    const before = field.value;
    const basis = this.basis.get(diagnostic);
    const span = basis === undefined ? null : locateSpan(basis, before, diagnostic.utf16);
    if (span === null) return { ok: false, reason: "The text changed since it was checked; nothing was replaced." };
    const { start, end } = span;
    const edit = minimalEdit(before, start, end, replacement);
    const expected = applyEdit(before, edit);
    field.focus({ preventScroll: true });
    field.setSelectionRange(edit.start, edit.end);
    const done =
      edit.insert === "" ? document.execCommand("delete", false) : document.execCommand("insertText", false, edit.insert);
    if (!done && field.value === before) {
      // Fallback without native undo: still notify the page's listeners (React reads `input`).
      field.setRangeText(edit.insert, edit.start, edit.end, "end");
      field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertReplacementText", data: edit.insert }));
    }
    if (field.value !== expected) {
      return { ok: false, reason: "The field did not take the change as expected; copy the suggestion instead." };
    }
    const caret = endAfterEdit(end, edit);
    field.setSelectionRange(caret, caret);
    return { ok: true };
  }

  dispose(): void {
    this.overlay.dispose();
  }
}
