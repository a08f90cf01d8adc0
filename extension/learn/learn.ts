/**
 * The Learn page, for trainees: Plume's built-in checks (spelling, grammar, tone, platform, from
 * `built-in-rules.json`, in the interface language), the tone target in force, the active packs'
 * rules with their why and examples of wrong and right, in plain words (no rule ids or rule types),
 * and local progress (issues met and fixed per category, week by week). Progress is read from
 * `storage.local` only; nothing leaves the browser.
 */

import { formatDay, localise, t, tCount } from "../shared/i18n";
import { initCore, inspectPack, packSources } from "../shared/packs";
import { loadProgress, weeklyProgress, type WeekProgress } from "../shared/progress";
import { element, packRules } from "../shared/rules-view";
import catalogue from "./built-in-rules.json";
import { CATEGORIES, loadSettings, type TonePreset, type ToneTargetSetting } from "../shared/settings";
import { byId as $, CATEGORY_LABEL } from "../shared/dom";

function weekRow(week: WeekProgress): HTMLTableRowElement {
  const row = element("tr");
  row.dataset.week = week.start;
  row.append(element("th", undefined, t("learnWeekOf", formatDay(week.start))));
  for (const category of CATEGORIES) {
    const cell = element("td");
    cell.dataset.category = category;
    const met = week.met[category] ?? 0;
    const fixed = week.fixed[category] ?? 0;
    cell.dataset.met = String(met);
    cell.dataset.fixed = String(fixed);
    cell.textContent = met === 0 && fixed === 0 ? "–" : `${tCount("learnMet", met)}, ${tCount("learnFixed", fixed)}`;
    row.append(cell);
  }
  return row;
}

async function renderProgress(): Promise<void> {
  const weeks = weeklyProgress(await loadProgress());
  const lastActive = weeks.reduce((last, w, i) => (Object.keys(w.met).length + Object.keys(w.fixed).length > 0 ? i : last), -1);
  $("no-progress").hidden = lastActive >= 0;
  $("progress-table").hidden = lastActive < 0;
  $("progress-head").replaceChildren(element("th", undefined, t("learnWeek")), ...CATEGORIES.map((c) => element("th", undefined, t(CATEGORY_LABEL[c]))));
  $("progress-body").replaceChildren(...weeks.slice(0, lastActive + 1).map(weekRow));
}

interface BuiltInText {
  title: string;
  why: string;
  bad?: string;
  good?: string;
}

interface BuiltInRule {
  rule: string;
  category: (typeof CATEGORIES)[number];
  /** The one draft language the rule checks, if any (`en-US` for English-only rules). */
  language?: string;
  en: BuiltInText;
  fr: BuiltInText;
}

/** The built-in checks, grouped by category, in the interface language. */
function renderBuiltIn(): void {
  const ui = chrome.i18n.getUILanguage().toLowerCase().startsWith("fr") ? "fr" : "en";
  const rules = catalogue.rules as BuiltInRule[];
  $("built-in-rules").replaceChildren(
    ...CATEGORIES.flatMap((category) => {
      const inCategory = rules.filter((r) => r.category === category);
      if (inCategory.length === 0) return [];
      const section = element("section", "built-in-category");
      section.dataset.category = category;
      section.append(element("h3", undefined, t(CATEGORY_LABEL[category])));
      for (const rule of inCategory) {
        const text = rule[ui];
        const card = element("article", "rule");
        card.dataset.rule = rule.rule;
        // A rule of one draft language quotes words of that language in any interface language.
        if (rule.language !== undefined) card.dataset.checks = rule.language;
        card.append(element("p", "rule-title", text.title), element("p", "rule-why", text.why));
        if (text.bad !== undefined || text.good !== undefined) {
          const example = element("ul", "examples");
          const li = element("li");
          if (text.bad !== undefined) li.append(element("span", "bad", text.bad));
          if (text.bad !== undefined && text.good !== undefined) li.append(" → ");
          if (text.good !== undefined) li.append(element("span", "good", text.good));
          example.append(li);
          card.append(example);
        }
        section.append(card);
      }
      return [section];
    }),
  );
}

async function renderRules(): Promise<void> {
  const { settings } = await loadSettings();
  await initCore();
  const sources = await packSources(settings.activePacks);
  $("no-packs").hidden = sources.length > 0;
  $("pack-rules").replaceChildren(
    ...sources.map((source) => {
      const result = inspectPack(source);
      return result.ok ? packRules(result.overview, { forTrainees: true }) : element("p", "error", result.error);
    }),
  );
}

const PRESET_LABEL: Record<TonePreset, string> = {
  "friendly-professional": "tonePresetFriendlyProfessional",
  playful: "tonePresetPlayful",
  institutional: "tonePresetInstitutional",
  "customer-care": "tonePresetCustomerCare",
};

/** The tone target's fields as (field, label, value) rows, only those it sets. */
function toneTargetRows(target: ToneTargetSetting): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = [];
  if (target.preset !== undefined) rows.push(["preset", t("optionsTonePreset"), t(PRESET_LABEL[target.preset])]);
  if (target.formality !== undefined) rows.push(["formality", t("toneFormality"), `${target.formality.min} – ${target.formality.max}`]);
  if (target.min_sentiment !== undefined) rows.push(["min_sentiment", t("toneMinSentiment"), String(target.min_sentiment)]);
  if (target.max_exclamations !== undefined) rows.push(["max_exclamations", t("toneMaxExclamations"), String(target.max_exclamations)]);
  const flags = [["no_shouting", "toneNoShouting"], ["no_profanity", "toneNoProfanity"], ["warn_hedging", "toneWarnHedging"]] as const;
  for (const [field, label] of flags) {
    if (target[field] === true) rows.push([field, t(label), "✓"]);
  }
  return rows;
}

/** The tone target in force (the user's, or the organisation's, then marked as set by it). */
async function renderToneTarget(): Promise<void> {
  const { settings, locked } = await loadSettings();
  const target = settings.toneTarget;
  $("no-tone-target").hidden = target !== null;
  $("tone-target-locked").hidden = target === null || !locked.has("toneTarget");
  const fields = $("tone-target-fields");
  fields.hidden = target === null;
  fields.replaceChildren(
    ...(target === null ? [] : toneTargetRows(target)).flatMap(([field, label, value]) => {
      const term = element("dt", undefined, label);
      const detail = element("dd", undefined, value);
      detail.dataset.field = field;
      return [term, detail];
    }),
  );
}

localise();
renderBuiltIn();
void Promise.all([renderProgress(), renderToneTarget(), renderRules()]);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && "progress" in changes) void renderProgress();
  if ((area === "sync" && "settings" in changes) || (area === "local" && "packs" in changes) || area === "managed") {
    void renderRules();
    void renderToneTarget();
  }
});
