/**
 * The adapter for contenteditable editors (every framework): reads text and offsets with the
 * framework's walk rules, underlines through CSS highlights, follows re-renders with a
 * MutationObserver, and applies a fix with the framework's method, then verifies it.
 */

import type { Diagnostic } from "../../shared/protocol";
import { benchWork } from "../../shared/bench";
import { applyEdit, endAfterEdit, locateSpan, minimalEdit, spanLocator, widenEdit } from "../edit";
import { caretAt, extractText, mapIsLive, offsetOf, overlapsAtom, rangeFor, type TextMap } from "../extract";
import type { FieldAdapter, FixOutcome, Hit } from "../fields";
import { clearHighlights, setHighlights } from "../highlights";
import { nextFrame, placeCaret, replaceRange } from "./apply";
import type { EditorKind } from "./kind";

/** Frames to wait for an editor to commit a fix before calling it failed. */
const SETTLE_FRAMES = 20;

/** Pixels below a word's box where its underline is drawn and still answers clicks. */
const UNDERLINE_SLACK = 4;

const CHANGED = "The text changed since it was checked; nothing was replaced.";
const NOT_ACCEPTED = "The editor did not take the change as expected; copy the suggestion instead.";

function failure(reason: string): FixOutcome {
  return { ok: false, reason };
}

export class EditableAdapter implements FieldAdapter {
  private map: TextMap = { text: "", segments: [] };
  private diagnostics: Diagnostic[] = [];
  /** The text each diagnostic was computed on, to find its span again before a fix. */
  private readonly basis = new WeakMap<Diagnostic, string>();
  private drawnText = "";
  private ranges: Array<{ diagnostic: Diagnostic; range: Range }> = [];
  private readonly observer: MutationObserver;
  private onChange: (() => void) | undefined;
  private applying = false;
  /** Mutation batches observed so far, and how many had been when `map` was walked. */
  private mutations = 0;
  private mapMutations = -1;

  constructor(
    readonly element: HTMLElement,
    readonly kind: EditorKind,
  ) {
    this.observer = new MutationObserver(() =>
      benchWork("mutation", () => {
        this.mutations += 1;
        this.mutated();
      }),
    );
    this.observer.observe(element, { childList: true, subtree: true, characterData: true });
  }

  read(): string {
    this.map = extractText(this.element, this.kind.rules);
    this.mapMutations = this.mutations;
    return this.map.text;
  }

  /** The editor's text, walked again only if a mutation was observed since the last walk. */
  private current(): string {
    return this.mapMutations === this.mutations && mapIsLive(this.map) ? this.map.text : this.read();
  }

  holds(text: string): boolean {
    return this.current() === text;
  }

  caret(): number | null {
    const root = this.element.getRootNode() as Document | ShadowRoot;
    const active = root.activeElement;
    if (active === null || !(active === this.element || this.element.contains(active))) return null;
    // Inside a shadow root, Chromium gives the root's own selection.
    const selection = "getSelection" in root ? (root as unknown as { getSelection(): Selection | null }).getSelection() : document.getSelection();
    if (selection === null || selection.rangeCount === 0 || !selection.isCollapsed || selection.focusNode === null) return null;
    if (!this.element.contains(selection.focusNode)) return null;
    this.current();
    return offsetOf(this.map, selection.focusNode, selection.focusOffset);
  }

  draw(text: string, diagnostics: Diagnostic[]): void {
    this.drawnText = text;
    this.diagnostics = diagnostics;
    for (const diagnostic of diagnostics) this.basis.set(diagnostic, text);
    this.refresh();
  }

  /**
   * Highlights are live DOM ranges: scrolling and resizing move them with the text, so only a
   * map whose nodes left the document (a re-render) needs rebuilding.
   */
  redraw(): void {
    if (!mapIsLive(this.map)) this.refresh();
  }

  /** Re-reads the editor and rebuilds every underline range from the current DOM. */
  private refresh(): void {
    const current = this.current();
    if (current !== this.drawnText) this.follow(current);
    this.ranges = [];
    for (const diagnostic of this.diagnostics) {
      const range = rangeFor(this.map, diagnostic.utf16.start, diagnostic.utf16.end);
      if (range !== null && !range.collapsed) this.ranges.push({ diagnostic, range });
    }
    setHighlights(this, this.ranges.map(({ diagnostic, range }) => ({ category: diagnostic.category, range })));
  }

  /** Keeps the underlines of spans the latest change did not touch (until the next check). */
  private follow(current: string): void {
    const kept: Diagnostic[] = [];
    const locate = spanLocator(this.drawnText, current);
    for (const diagnostic of this.diagnostics) {
      const span = locate(diagnostic.utf16);
      if (span === null) continue;
      const moved = span === diagnostic.utf16 ? diagnostic : { ...diagnostic, utf16: span };
      this.basis.set(moved, current);
      kept.push(moved);
    }
    this.diagnostics = kept;
    this.drawnText = current;
  }

  private mutated(): void {
    const before = this.drawnText;
    this.refresh();
    if (this.drawnText !== before) this.onChange?.();
  }

  watch(onChange: () => void): void {
    this.onChange = onChange;
  }

  hits(): Hit[] {
    return this.ranges
      .map(({ diagnostic, range }) => ({ diagnostic, rect: range.getClientRects()[0] ?? range.getBoundingClientRect() }))
      .sort((a, b) => a.diagnostic.utf16.start - b.diagnostic.utf16.start);
  }

  hitTest(x: number, y: number): Hit | null {
    for (const { diagnostic, range } of this.ranges) {
      for (const rect of range.getClientRects()) {
        // The wavy underline is drawn just below the text box: clicks on it count too.
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom + UNDERLINE_SLACK) {
          return { diagnostic, rect };
        }
      }
    }
    return null;
  }

  async applyFix(diagnostic: Diagnostic, replacement: string): Promise<FixOutcome> {
    if (this.applying) return failure("Another fix is still being applied; try again in a moment.");
    this.applying = true;
    try {
      return await this.replace(diagnostic, replacement);
    } finally {
      this.applying = false;
    }
  }

  private async replace(diagnostic: Diagnostic, replacement: string): Promise<FixOutcome> {
    const before = this.read();
    const basis = this.basis.get(diagnostic);
    const span = basis === undefined ? null : locateSpan(basis, before, diagnostic.utf16);
    if (span === null) return failure(CHANGED);
    const { start, end } = span;
    const edit = widenEdit(before, minimalEdit(before, start, end, replacement), span);
    if (edit.start === edit.end && edit.insert === "") return { ok: true };
    if (overlapsAtom(this.map, edit.start, edit.end)) {
      return failure("The fix would cut through a mention or an emoji; copy the suggestion instead.");
    }
    const range = rangeFor(this.map, edit.start, edit.end);
    // The DOM range holds the same letters (its line breaks are block boundaries, not text).
    const visible = (s: string): string => s.replace(/[\n\u200b\ufeff]/g, "");
    if (range === null || visible(range.toString()) !== visible(before.slice(edit.start, edit.end))) {
      return failure("The flagged text could not be located in the editor; copy the suggestion instead.");
    }
    const expected = applyEdit(before, edit);
    const problem = await replaceRange(this.element, range, edit.insert, this.kind.method);
    if (problem !== null) return failure(`${problem} Copy the suggestion instead.`);
    let text = this.read();
    for (let frame = 0; frame < SETTLE_FRAMES && text !== expected; frame++) {
      await nextFrame();
      text = this.read();
    }
    if (text !== expected) return failure(NOT_ACCEPTED);
    const caret = caretAt(this.map, endAfterEdit(end, edit));
    if (caret !== null) await placeCaret(this.element, caret.node, caret.offset);
    return { ok: true };
  }

  dispose(): void {
    this.observer.disconnect();
    this.onChange = undefined;
    clearHighlights(this);
  }
}
