/**
 * The Learn page, for trainees: the tone target in force, the active packs' rules with their why
 * and examples of wrong and right, and local progress (issues met and fixed per category, week by
 * week). Progress is read from `storage.local` only; nothing leaves the browser.
 */

import { localise, t } from "../shared/i18n";
import { initCore, inspectPack, packSources } from "../shared/packs";
import { loadProgress, weeklyProgress, type WeekProgress } from "../shared/progress";
import { element, packRules } from "../shared/rules-view";
import { CATEGORIES, loadSettings, type TonePreset, type ToneTargetSetting } from "../shared/settings";
import { byId as $, CATEGORY_LABEL } from "../shared/dom";

function weekRow(week: WeekProgress): HTMLTableRowElement {
  const row = element("tr");
  row.dataset.week = week.start;
  row.append(element("th", undefined, t("learnWeekOf", week.start)));
  for (const category of CATEGORIES) {
    const cell = element("td");
    cell.dataset.category = category;
    const met = week.met[category] ?? 0;
    const fixed = week.fixed[category] ?? 0;
    cell.dataset.met = String(met);
    cell.dataset.fixed = String(fixed);
    cell.textContent = met === 0 && fixed === 0 ? "–" : t("learnMetFixed", String(met), String(fixed));
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

async function renderRules(): Promise<void> {
  const { settings } = await loadSettings();
  await initCore();
  const sources = await packSources(settings.activePacks);
  $("no-packs").hidden = sources.length > 0;
  $("pack-rules").replaceChildren(
    ...sources.map((source) => {
      const result = inspectPack(source);
      return result.ok ? packRules(result.overview) : element("p", "error", result.error);
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
void Promise.all([renderProgress(), renderToneTarget(), renderRules()]);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && "progress" in changes) void renderProgress();
  if ((area === "sync" && "settings" in changes) || (area === "local" && "packs" in changes) || area === "managed") {
    void renderRules();
    void renderToneTarget();
  }
});
