/**
 * Shows a pack's rules as a trainee reads them (id, type, level, message, why, link, examples of
 * wrong and right), for the options and Learn pages. Pack text only ever goes into textContent.
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

export function ruleCard(rule: RuleOverview): HTMLElement {
  const card = element("article", "rule");
  card.dataset.rule = rule.id;
  const head = element("header");
  head.append(element("code", "rule-id", rule.id), element("span", `level level-${rule.level}`, t(LEVEL_LABEL[rule.level])), element("span", "muted", rule.kind));
  card.append(head);
  if (rule.message !== "") card.append(element("p", "rule-message", rule.message.replaceAll("%s", "…")));
  if (rule.why !== null) card.append(element("p", "rule-why", rule.why));
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
export function packRules(overview: PackOverview): HTMLElement {
  const section = element("section", "pack-rules");
  section.dataset.pack = overview.name;
  const title = element("h2", undefined, overview.version === null ? overview.name : `${overview.name} ${overview.version}`);
  section.append(title);
  if (overview.description !== null) section.append(element("p", "muted", overview.description));
  if (overview.lexicon.length > 0) {
    section.append(element("p", "lexicon", t("rulesLexicon", overview.lexicon.join(", "))));
  }
  if (overview.rules.length === 0) section.append(element("p", "muted", t("rulesNone")));
  for (const rule of overview.rules) section.append(ruleCard(rule));
  return section;
}
