/**
 * The suggestion popover: a closed shadow root in the top layer that shows a diagnostic's
 * message, why (and the reasons of other rules that flagged the same text) and suggestions, the
 * best one marked. A click never takes focus from the editor (pointerdown is cancelled); opened
 * from the keyboard, it takes focus (a labelled dialog) and gives it back on Escape. Turning a
 * rule off (or Plume on a site) happens in place with an undo right there. Its DOM is built with
 * `textContent` only: page and pack text never reach `innerHTML`.
 */

import type { Category, Diagnostic } from "../shared/protocol";
import type { Hit } from "./fields";

/** An off switch with its undo; each resolves to an error message, or null when done. */
export interface OffSwitch {
  off(): Promise<string | null>;
  undo(): Promise<string | null>;
}

export interface PopoverActions {
  choose(replacement: string): void;
  ignore(): void;
  /** Present for a word the dictionary does not know: adds it to the personal dictionary. */
  neverFlagWord?: () => void;
  /** Turns the diagnostic's rules off; absent for the unknown-word rule (see `site`). */
  rule?: OffSwitch;
  /** Switches Plume off on this site, after a confirmation (offered for unknown words). */
  site?: OffSwitch & { host: string };
}

/** The rule whose off switch would silence every misspelling: offered per word and per site instead. */
export const UNKNOWN_WORD_RULE = "spelling.unknown-word";

const STYLE = `
.panel { position: fixed; margin: 0; inset: auto; max-width: 22rem; padding: 10px 12px;
  border: 1px solid #dadce0; border-radius: 8px; background: #fff; color: #202124;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); font: 14px/1.4 system-ui, sans-serif; }
.panel:focus { outline: none; }
.category { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #5f6368; }
.message { font-weight: 600; margin: 2px 0 4px; }
.why { color: #3c4043; margin: 0 0 8px; }
.also { border-left: 3px solid #dadce0; padding-left: 8px; margin: 0 0 8px; }
.also-message { font-weight: 600; margin: 0; }
.also-why { margin: 0; color: #3c4043; }
.suggestions { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 6px; }
button { font: inherit; cursor: pointer; border-radius: 6px; padding: 3px 10px; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.suggestion { border: 1px solid #1a73e8; background: #fff; color: #174ea6; font-weight: 600; }
.suggestion.best { background: #1a73e8; color: #fff; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; border-top: 1px solid #eee; padding-top: 6px; align-items: center; }
.action { border: 1px solid #dadce0; background: #fff; color: #3c4043; font-size: 12px; }
.action.primary { border-color: #b3261e; color: #b3261e; }
.question, .done { font-size: 12px; color: #3c4043; flex-basis: 100%; margin: 0; }
.notice { color: #b3261e; margin-top: 6px; }
.list { list-style: none; margin: 4px 0 0; padding: 0; max-height: 18rem; overflow: auto; }
.list button { display: block; width: 100%; text-align: left; border: 0; border-top: 1px solid #eee; border-radius: 0;
  background: none; color: inherit; padding: 5px 2px; }
.list button:hover { background: #f1f3f4; }
.list .flagged { font-weight: 600; }
.list .category { display: block; }
.empty { margin: 4px 0; color: #3c4043; }
a { color: #1a73e8; }
@media (prefers-color-scheme: dark) {
  .panel { background: #292a2d; color: #e8eaed; border-color: #5f6368; }
  .category { color: #bdc1c6; }
  .why, .also-why, .question, .done { color: #dadce0; }
  .also { border-color: #5f6368; }
  .suggestion { background: #292a2d; color: #8ab4f8; border-color: #8ab4f8; }
  .suggestion.best { background: #8ab4f8; color: #202124; }
  .action { background: #292a2d; color: #e8eaed; border-color: #5f6368; }
  .action.primary { color: #f28b82; border-color: #f28b82; }
  .actions { border-color: #3c4043; }
  .notice { color: #f28b82; }
  .list button { border-color: #3c4043; }
  .list button:hover { background: #3c4043; }
  .empty { color: #dadce0; }
  a { color: #8ab4f8; }
}
`;

const CATEGORY_KEY: Record<Category, string> = {
  spelling: "categorySpelling",
  grammar: "categoryGrammar",
  tone: "categoryTone",
  guideline: "categoryGuideline",
  platform: "categoryPlatform",
};

/** A UI string from the extension's locales, or `fallback` when it has none. */
function text(key: string, fallback: string, ...substitutions: string[]): string {
  return chrome.i18n.getMessage(key, substitutions) || fallback;
}

function categoryLabel(category: Category): string {
  return text(CATEGORY_KEY[category], category);
}

export class Popover {
  private readonly host: HTMLElement;
  private readonly panel: HTMLDivElement;
  private onClose: (() => void) | undefined;
  /** Where focus goes back when a popover opened from the keyboard closes. */
  private returnFocus: HTMLElement | undefined;

  constructor() {
    this.host = document.createElement("plume-popover");
    this.host.style.cssText = "position:absolute;left:0;top:0;width:0;height:0;";
    const shadow = this.host.attachShadow({ mode: "closed" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    this.panel = document.createElement("div");
    this.panel.className = "panel";
    this.panel.setAttribute("popover", "manual");
    this.panel.setAttribute("role", "dialog");
    this.panel.tabIndex = -1;
    // Keep the editor's focus and selection: the popover is clicked, never focused by the mouse.
    for (const type of ["pointerdown", "mousedown"]) {
      this.panel.addEventListener(type, (event) => event.preventDefault());
    }
    this.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        this.hide();
      }
    });
    shadow.append(style, this.panel);
    document.documentElement.append(this.host);
  }

  get isOpen(): boolean {
    return this.panel.matches(":popover-open");
  }

  /**
   * Shows `diagnostic` under `anchor`. With `focusFrom` (opened from the keyboard), the dialog
   * takes focus, its best suggestion (or first button) focused, and gives it back to
   * `focusFrom` when it closes.
   */
  show(diagnostic: Diagnostic, anchor: DOMRect, actions: PopoverActions, options: { onClose?: () => void; focusFrom?: HTMLElement } = {}): void {
    const el = (tag: string, className: string, content?: string): HTMLElement => {
      const node = document.createElement(tag);
      node.className = className;
      if (content !== undefined) node.textContent = content;
      return node;
    };
    const message = el("div", "message", diagnostic.message);
    const children: HTMLElement[] = [el("div", "category", categoryLabel(diagnostic.category)), message, el("p", "why", diagnostic.why)];
    // Other rules that flagged the same text: one problem, every reason.
    for (const reason of diagnostic.also ?? []) {
      const also = el("div", "also");
      also.dataset.rule = reason.rule;
      also.append(
        el("div", "category", categoryLabel(reason.category)),
        el("p", "also-message", reason.message),
        el("p", "also-why", reason.why),
      );
      children.push(also);
    }
    const link = diagnostic.link ?? diagnostic.also?.find((r) => r.link !== undefined)?.link;
    if (link !== undefined && /^https:\/\//.test(link)) {
      const anchorLink = el("a", "link", text("popoverReadGuideline", "Read the guideline")) as HTMLAnchorElement;
      anchorLink.href = link;
      anchorLink.target = "_blank";
      anchorLink.rel = "noopener noreferrer";
      children.push(anchorLink);
    }
    const suggestions = el("div", "suggestions");
    for (const [index, suggestion] of diagnostic.suggestions.slice(0, 5).entries()) {
      const label = suggestion === "" ? text("popoverRemove", "(remove)") : suggestion;
      const button = el("button", index === 0 ? "suggestion best" : "suggestion", label);
      button.dataset.suggestion = suggestion;
      if (index === 0) {
        button.dataset.best = "true";
        button.title = text("popoverBest", "Best suggestion");
        button.setAttribute("aria-label", `${text("popoverBest", "Best suggestion")}: ${label}`);
      }
      button.addEventListener("click", () => actions.choose(suggestion));
      suggestions.append(button);
    }
    if (diagnostic.suggestions.length > 0) children.push(suggestions);
    const actionsRow = el("div", "actions");
    const action = (name: string, label: string, run: () => void): HTMLButtonElement => {
      const button = el("button", "action", label) as HTMLButtonElement;
      button.dataset.action = name;
      button.addEventListener("click", run);
      actionsRow.append(button);
      return button;
    };
    const closeAfter = (run: () => void) => () => {
      run();
      this.hide();
    };
    action("ignore", text("popoverIgnore", "Ignore"), closeAfter(actions.ignore));
    if (actions.neverFlagWord !== undefined) {
      action("never-flag-word", text("popoverNeverFlagWord", "Never flag this word"), closeAfter(actions.neverFlagWord));
    }
    if (actions.rule !== undefined) {
      const rule = actions.rule;
      action("disable-rule", text("popoverDisableRule", "Turn off this rule"), () =>
        void this.switchOff(actionsRow, rule, text("popoverRuleOff", "This rule is off everywhere. Turn it back on here or in Settings.")),
      );
    }
    if (actions.site !== undefined) {
      const site = actions.site;
      action("disable-site", text("popoverDisableSite", "Turn off on this site…"), () => {
        // Confirm first: this silences every check on the site.
        const focused = this.hasFocus();
        const question = el("p", "question", text("popoverConfirmSite", `Stop checking posts on ${site.host}?`, site.host));
        question.setAttribute("role", "alert");
        actionsRow.replaceChildren(question);
        const confirm = action("confirm-disable-site", text("popoverConfirmSiteYes", `Turn off on ${site.host}`, site.host), () =>
          void this.switchOff(actionsRow, site, text("popoverSiteOff", `Plume is off on ${site.host}. Turn it back on here or from the toolbar button.`, site.host)),
        );
        confirm.classList.add("primary");
        action("cancel", text("popoverCancel", "Cancel"), () => this.show(diagnostic, anchor, actions, options));
        if (focused) confirm.focus({ preventScroll: true });
      });
    }
    children.push(actionsRow);
    this.panel.replaceChildren(...children);
    this.panel.dataset.rule = diagnostic.rule;
    this.panel.dataset.view = "issue";
    this.panel.setAttribute("aria-label", `Plume — ${categoryLabel(diagnostic.category)}: ${diagnostic.message}`);
    this.onClose = options.onClose;
    if (options.focusFrom !== undefined) this.returnFocus = options.focusFrom;
    if (!this.isOpen) this.panel.showPopover();
    this.place(anchor);
    if (options.focusFrom !== undefined) {
      const first = this.panel.querySelector<HTMLElement>("button.best") ?? this.panel.querySelector<HTMLElement>("button");
      (first ?? this.panel).focus({ preventScroll: true });
    }
  }

  /**
   * The list of the draft's issues, opened from the badge: each item names its category, the
   * flagged text and the message; choosing one opens its popover. It takes focus (arrow keys
   * move through the items) and gives it back to `field` on Escape.
   */
  showList(items: Array<{ hit: Hit; flagged: string }>, anchor: DOMRect, pick: (hit: Hit) => void, field: HTMLElement): void {
    const title = document.createElement("div");
    title.className = "message";
    title.textContent = text("issueListTitle", `Issues in this draft: ${items.length}`, String(items.length));
    const list = document.createElement("ul");
    list.className = "list";
    const buttons: HTMLButtonElement[] = [];
    for (const { hit, flagged } of items) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.dataset.action = "open-issue";
      button.dataset.rule = hit.diagnostic.rule;
      const category = document.createElement("span");
      category.className = "category";
      category.textContent = categoryLabel(hit.diagnostic.category);
      const word = document.createElement("span");
      word.className = "flagged";
      word.textContent = `“${flagged.length > 40 ? `${flagged.slice(0, 40)}…` : flagged}” `;
      const message = document.createElement("span");
      message.textContent = hit.diagnostic.message;
      button.append(category, word, message);
      button.addEventListener("click", () => pick(hit));
      button.addEventListener("keydown", (event) => {
        const index = buttons.indexOf(button);
        const next = event.key === "ArrowDown" ? index + 1 : event.key === "ArrowUp" ? index - 1 : -2;
        if (next === -2) return;
        event.preventDefault();
        buttons[(next + buttons.length) % buttons.length]?.focus();
      });
      buttons.push(button);
      item.append(button);
      list.append(item);
    }
    const children: HTMLElement[] = [title];
    if (items.length === 0) {
      const empty = document.createElement("p");
      empty.className = "empty";
      empty.textContent = text("issueListEmpty", "Nothing to fix in this draft.");
      children.push(empty);
    } else {
      children.push(list);
    }
    this.panel.replaceChildren(...children);
    delete this.panel.dataset.rule;
    this.panel.dataset.view = "list";
    this.panel.setAttribute("aria-label", title.textContent);
    this.onClose = undefined;
    this.returnFocus = field;
    if (!this.isOpen) this.panel.showPopover();
    this.place(anchor);
    (buttons[0] ?? this.panel).focus({ preventScroll: true });
  }

  /** Runs an off switch and replaces the actions with what happened and its undo. */
  private async switchOff(row: HTMLElement, offSwitch: OffSwitch, done: string): Promise<void> {
    const error = await offSwitch.off();
    if (error !== null) {
      this.notice(error);
      return;
    }
    const said = document.createElement("p");
    said.className = "done";
    said.setAttribute("role", "status");
    said.textContent = done;
    const undo = document.createElement("button");
    undo.className = "action primary";
    undo.dataset.action = "undo";
    undo.textContent = text("popoverUndo", "Undo");
    undo.addEventListener("click", () => {
      void offSwitch.undo().then((undoError) => {
        if (undoError === null) this.hide();
        else this.notice(undoError);
      });
    });
    const focused = this.hasFocus();
    row.replaceChildren(said, undo);
    if (focused) undo.focus({ preventScroll: true });
  }

  /** Whether the dialog has focus (keyboard use): then focus follows its new buttons; a mouse user keeps the editor's. */
  private hasFocus(): boolean {
    return document.activeElement === this.host;
  }

  /** Shows a problem with applying a fix inside the open popover, offering to copy the text. */
  notice(message: string, copyText?: string): void {
    const notice = document.createElement("p");
    notice.className = "notice";
    notice.setAttribute("role", "alert");
    notice.textContent = message;
    this.panel.append(notice);
    if (copyText !== undefined) {
      const copy = document.createElement("button");
      copy.className = "action";
      copy.dataset.action = "copy";
      copy.textContent = text("popoverCopy", "Copy the suggestion");
      copy.addEventListener("click", () => {
        void navigator.clipboard.writeText(copyText).then(() => {
          copy.textContent = text("popoverCopied", "Copied");
        });
      });
      this.panel.append(copy);
    }
  }

  hide(): void {
    const hadFocus = this.hasFocus();
    if (this.isOpen) this.panel.hidePopover();
    const onClose = this.onClose;
    this.onClose = undefined;
    const back = this.returnFocus;
    this.returnFocus = undefined;
    if (hadFocus && back?.isConnected === true) back.focus({ preventScroll: true });
    onClose?.();
  }

  /** Closes the popover and removes it from the page (the extension went away). */
  dispose(): void {
    this.hide();
    this.host.remove();
  }

  /** Whether a viewport point falls inside the open popover. */
  contains(x: number, y: number): boolean {
    if (!this.isOpen) return false;
    const r = this.panel.getBoundingClientRect();
    return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  }

  private place(anchor: DOMRect): void {
    const panel = this.panel.getBoundingClientRect();
    const below = anchor.bottom + 6;
    const top = below + panel.height > window.innerHeight ? Math.max(4, anchor.top - panel.height - 6) : below;
    const left = Math.min(Math.max(4, anchor.left), Math.max(4, window.innerWidth - panel.width - 4));
    this.panel.style.top = `${top}px`;
    this.panel.style.left = `${left}px`;
  }
}
