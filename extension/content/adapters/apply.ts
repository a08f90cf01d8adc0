/**
 * The ways of putting a replacement into a contenteditable editor (see `FixMethod`). Each
 * selects the DOM range first, lets the framework see the new selection, then performs exactly
 * one method; `beforeinputOrExecCommand` falls back only when nobody handled the event.
 * Nothing here verifies the result: the adapter re-reads the editor afterwards.
 */

import type { FixMethod } from "./kind";

/** Resolves after the next animation frame (or a short timeout in a hidden tab). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      window.clearTimeout(timer);
      resolve();
    });
  });
}

/** Resolves once the page has seen the latest selection change (frameworks sync on it). */
function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      doc.removeEventListener("selectionchange", done);
      window.clearTimeout(timer);
      // Listeners registered before ours (the framework's) have run; let their updates flush.
      window.setTimeout(resolve, 0);
    };
    const timer = window.setTimeout(done, 60);
    doc.addEventListener("selectionchange", done);
  });
}

/** The selection as seen inside `root`'s tree (a shadow root's own view in Chromium). */
export function selectionOf(root: Node): Selection | null {
  const tree = root.getRootNode() as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  if (tree instanceof ShadowRoot && typeof tree.getSelection === "function") return tree.getSelection();
  return (root.ownerDocument ?? document).getSelection();
}

/**
 * Selects `range` in the editor without scrolling and waits for the framework to see it.
 * Returns the selected range as it now stands (frameworks may re-render), or null if the page
 * refused the selection.
 */
export async function select(root: HTMLElement, range: Range): Promise<Range | null> {
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  if (selection === null) return null;
  const settled = selectionSettled(doc);
  root.focus({ preventScroll: true });
  selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  await settled;
  const now = selectionOf(root);
  if (now === null || now.rangeCount === 0) return null;
  const current = now.getRangeAt(0);
  return root.contains(current.startContainer) && root.contains(current.endContainer) ? current : null;
}

/**
 * Puts the caret at `offset` of `node` (after a fix: at the end of the replaced word) and waits
 * for the framework to adopt it. A framework that re-renders from a stale selection of its own
 * (Slate syncs DOM selection changes on a throttle) may put it back: then it is placed once more.
 */
export async function placeCaret(root: HTMLElement, node: Node, offset: number): Promise<void> {
  const doc = root.ownerDocument;
  const caretIsThere = (): boolean => {
    const selection = selectionOf(root);
    return selection !== null && selection.isCollapsed && selection.focusNode === node && selection.focusOffset === offset;
  };
  for (let attempt = 0; attempt < 2 && node.isConnected; attempt++) {
    const settled = selectionSettled(doc);
    doc.getSelection()?.setBaseAndExtent(node, offset, node, offset);
    await settled;
    await nextFrame();
    await nextFrame();
    if (caretIsThere()) return;
  }
}

function clipboardWith(text: string): DataTransfer {
  const data = new DataTransfer();
  data.setData("text/plain", text);
  return data;
}

function dispatchBeforeInput(root: HTMLElement, range: Range, insert: string): boolean {
  const event = new InputEvent("beforeinput", {
    inputType: "insertReplacementText",
    data: null,
    dataTransfer: clipboardWith(insert),
    targetRanges: [new StaticRange(range)],
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  targetOf(range, root).dispatchEvent(event);
  return event.defaultPrevented;
}

function dispatchPaste(root: HTMLElement, range: Range, insert: string): boolean {
  const event = new ClipboardEvent("paste", {
    clipboardData: clipboardWith(insert),
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  targetOf(range, root).dispatchEvent(event);
  return event.defaultPrevented;
}

/** The element where the browser itself would fire an editing event for `range`. */
function targetOf(range: Range, root: HTMLElement): Element {
  const container = range.startContainer;
  const element = container instanceof Element ? container : container.parentElement;
  return element !== null && root.contains(element) ? element : root;
}

function execInsert(doc: Document, insert: string): boolean {
  return insert === "" ? doc.execCommand("delete", false) : doc.execCommand("insertText", false, insert);
}

/**
 * Replaces the (already located) `range` of the editor under `root` with `insert`.
 * Returns null when a method ran, or why nothing could be done.
 */
export async function replaceRange(root: HTMLElement, range: Range, insert: string, method: FixMethod): Promise<string | null> {
  const wanted = range.toString();
  const selected = await select(root, range);
  if (selected === null) return "The page did not let Plume select the text to replace.";
  if (selected.toString() !== wanted) return "The editor changed the selection; nothing was replaced.";
  range = selected;
  const doc = root.ownerDocument;
  switch (method) {
    case "execCommand":
      return execInsert(doc, insert) ? null : "The editor refused the edit command.";
    case "beforeinput":
      return dispatchBeforeInput(root, range, insert) ? null : "The editor did not take the replacement.";
    case "beforeinputOrExecCommand":
      if (dispatchBeforeInput(root, range, insert)) return null;
      return execInsert(doc, insert) ? null : "The editor refused the edit command.";
    case "paste":
      return dispatchPaste(root, range, insert) ? null : "The editor did not take the replacement.";
  }
}
