/**
 * The suggestion popover: a closed shadow root in the top layer that shows a diagnostic's
 * message, why and suggestions. It never takes focus from the editor (pointerdown is cancelled)
 * and builds its DOM with `textContent` only: page and pack text never reach `innerHTML`.
 */

import { CATEGORY_LABEL } from "../shared/dom";
import type { Diagnostic } from "../shared/protocol";

export interface PopoverActions {
  choose(replacement: string): void;
  ignore(): void;
  /** Present for spelling diagnostics: adds the flagged word to the personal dictionary. */
  addToDictionary?: () => void;
  disableRule(): void;
}

const STYLE = `
.panel { position: fixed; margin: 0; inset: auto; max-width: 22rem; padding: 10px 12px;
  border: 1px solid #dadce0; border-radius: 8px; background: #fff; color: #202124;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); font: 14px/1.4 system-ui, sans-serif; }
.category { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: #5f6368; }
.message { font-weight: 600; margin: 2px 0 4px; }
.why { color: #3c4043; margin: 0 0 8px; }
.suggestions { display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 6px; }
button { font: inherit; cursor: pointer; border-radius: 6px; padding: 3px 10px; }
.suggestion { border: 1px solid #1a73e8; background: #e8f0fe; color: #174ea6; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; border-top: 1px solid #eee; padding-top: 6px; }
.action { border: 1px solid #dadce0; background: #fff; color: #5f6368; font-size: 12px; }
.rule { font: 11px ui-monospace, monospace; color: #80868b; margin-top: 6px; }
.notice { color: #b3261e; margin-top: 6px; }
a { color: #1a73e8; }
`;

export class Popover {
  private readonly host: HTMLElement;
  private readonly panel: HTMLDivElement;
  private onClose: (() => void) | undefined;

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
    // Keep the editor's focus and selection: the popover is clicked, never focused by the mouse.
    for (const type of ["pointerdown", "mousedown"]) {
      this.panel.addEventListener(type, (event) => event.preventDefault());
    }
    this.panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") this.hide();
    });
    shadow.append(style, this.panel);
    document.documentElement.append(this.host);
  }

  get isOpen(): boolean {
    return this.panel.matches(":popover-open");
  }

  show(diagnostic: Diagnostic, anchor: DOMRect, actions: PopoverActions, onClose?: () => void): void {
    const el = (tag: string, className: string, text?: string): HTMLElement => {
      const node = document.createElement(tag);
      node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const children: HTMLElement[] = [
      el("div", "category", chrome.i18n.getMessage(CATEGORY_LABEL[diagnostic.category]) || diagnostic.category),
      el("div", "message", diagnostic.message),
      el("p", "why", diagnostic.why),
    ];
    if (diagnostic.link !== undefined && /^https:\/\//.test(diagnostic.link)) {
      const link = el("a", "link", chrome.i18n.getMessage("popoverReadGuideline") || "Read the guideline") as HTMLAnchorElement;
      link.href = diagnostic.link;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      children.push(link);
    }
    const suggestions = el("div", "suggestions");
    for (const suggestion of diagnostic.suggestions.slice(0, 5)) {
      const button = el("button", "suggestion", suggestion === "" ? chrome.i18n.getMessage("popoverRemove") || "(remove)" : suggestion);
      button.dataset.suggestion = suggestion;
      button.addEventListener("click", () => actions.choose(suggestion));
      suggestions.append(button);
    }
    const action = (name: string, label: string, run: () => void): void => {
      const button = el("button", "action", label);
      button.dataset.action = name;
      button.addEventListener("click", () => {
        run();
        this.hide();
      });
      actionsRow.append(button);
    };
    const actionsRow = el("div", "actions");
    action("ignore", chrome.i18n.getMessage("popoverIgnore") || "Ignore", actions.ignore);
    if (actions.addToDictionary !== undefined) {
      action("add-to-dictionary", chrome.i18n.getMessage("popoverAddToDictionary") || "Add to dictionary", actions.addToDictionary);
    }
    action("disable-rule", chrome.i18n.getMessage("popoverDisableRule") || "Turn off this rule", actions.disableRule);
    const rule = el("div", "rule", diagnostic.rule);
    children.push(suggestions, actionsRow, rule);
    this.panel.replaceChildren(...children);
    this.onClose = onClose;
    if (!this.isOpen) this.panel.showPopover();
    this.place(anchor);
  }

  /** Shows a problem with applying a fix inside the open popover, offering to copy the text. */
  notice(text: string, copyText?: string): void {
    const notice = document.createElement("p");
    notice.className = "notice";
    notice.textContent = text;
    this.panel.append(notice);
    if (copyText !== undefined) {
      const copy = document.createElement("button");
      copy.className = "action";
      copy.dataset.action = "copy";
      copy.textContent = chrome.i18n.getMessage("popoverCopy") || "Copy the suggestion";
      copy.addEventListener("click", () => {
        void navigator.clipboard.writeText(copyText).then(() => {
          copy.textContent = chrome.i18n.getMessage("popoverCopied") || "Copied";
        });
      });
      this.panel.append(copy);
    }
  }

  hide(): void {
    if (this.isOpen) this.panel.hidePopover();
    const onClose = this.onClose;
    this.onClose = undefined;
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
