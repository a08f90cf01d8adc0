/**
 * The Learn page, for trainees: the active packs' rules with their why and examples of wrong
 * and right, and local progress (issues met and fixed per category, week by week). Progress is
 * read from `storage.local` only; nothing leaves the browser.
 */

import { formatDay, localise, t, tCount } from "../shared/i18n";
import { initCore, inspectPack, packSources } from "../shared/packs";
import { loadProgress, weeklyProgress, type WeekProgress } from "../shared/progress";
import { element, packRules } from "../shared/rules-view";
import { CATEGORIES, loadSettings } from "../shared/settings";
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

localise();
void Promise.all([renderProgress(), renderRules()]);
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && "progress" in changes) void renderProgress();
  if ((area === "sync" && "settings" in changes) || (area === "local" && "packs" in changes)) void renderRules();
});
