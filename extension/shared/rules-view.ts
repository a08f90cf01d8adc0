/**
 * Shows a pack's rules (id, type, level, message, why, link, examples of wrong and right), for
 * the options and Learn pages; for trainees (the Learn page) in plain words: the rule's name
 * spelled out instead of its id, no rule type, no `%s` or backticks. Pack text only ever goes
 * into textContent.
 */

import { t } from "./i18n";
import type { PackOverview, RuleOverview } from "./packs";

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link only when the URL is http(s); anything else is shown as text. */
function safeLink(url: string): HTMLElement {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "https:" || parsed.protocol === "http:") {
      const a = element("a", undefined, t("rulesReadGuideline"));
      a.href = parsed.href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return a;
    }
  } catch {
    // not a URL: shown as text below
  }
  return element("span", "muted", url);
}

const LEVEL_LABEL = { error: "levelError", warning: "levelWarning", suggestion: "levelSuggestion" } as const;

/** How the rule view is written: for pack authors (ids and types) or for trainees (plain words). */
export interface RuleViewOptions {
  forTrainees?: boolean;
}

/** A rule id's last part spelled out: `social-essentials.PunctuationFlood` → "Punctuation flood". */
export function ruleName(id: string): string {
  const last = id.slice(id.lastIndexOf(".") + 1);
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[-_]+/g, " ").trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Pack text for trainees: code quotes become typographic quotes, placeholders an ellipsis. */
function plain(text: string): string {
  return text.replaceAll("%s", "…").replace(/`([^`]*)`/g, "“$1”").replaceAll("`", "");
}

export function ruleCard(rule: RuleOverview, options: RuleViewOptions = {}): HTMLElement {
  const card = element("article", "rule");
  card.dataset.rule = rule.id;
  const head = element("header");
  const level = element("span", `level level-${rule.level}`, t(LEVEL_LABEL[rule.level]));
  if (options.forTrainees === true) head.append(element("strong", "rule-name", ruleName(rule.id)), level);
  else head.append(element("code", "rule-id", rule.id), level, element("span", "muted", rule.kind));
  card.append(head);
  const clean = options.forTrainees === true ? plain : (text: string) => text.replaceAll("%s", "…");
  if (rule.message !== "") card.append(element("p", "rule-message", clean(rule.message)));
  if (rule.why !== null) card.append(element("p", "rule-why", clean(rule.why)));
  if (rule.examples.length > 0) {
    const list = element("ul", "examples");
    for (const example of rule.examples) {
      const li = element("li");
      if (example.bad !== null) li.append(element("span", "bad", example.bad));
      if (example.bad !== null && example.good !== null) li.append(" → ");
      if (example.good !== null) li.append(element("span", "good", example.good));
      list.append(li);
    }
    card.append(list);
  }
  if (rule.link !== null) card.append(safeLink(rule.link));
  return card;
}

/** The pack's header (name, version, description, lexicon) and one card per rule. */
export function packRules(overview: PackOverview, options: RuleViewOptions = {}): HTMLElement {
  const section = element("section", "pack-rules");
  section.dataset.pack = overview.name;
  const title = element("h2", undefined, overview.version === null ? overview.name : `${overview.name} ${overview.version}`);
  section.append(title);
  if (overview.description !== null) section.append(element("p", "muted", overview.description));
  if (overview.lexicon.length > 0) {
    section.append(element("p", "lexicon", t("rulesLexicon", overview.lexicon.join(", "))));
  }
  if (overview.rules.length === 0) section.append(element("p", "muted", t("rulesNone")));
  for (const rule of overview.rules) section.append(ruleCard(rule, options));
  return section;
}
