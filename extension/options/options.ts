/**
 * The options page: language, platform, categories, guideline packs, tone target, rules and
 * sites turned off, and the personal dictionary (add, remove, import, export). Settings an organisation's policy sets are shown as
 * locked. Every save reports its outcome; a refused word or a quota error is shown, not dropped.
 */

import { localise, t } from "../shared/i18n";
import { initCore } from "../shared/packs";
import { activePackToneTarget, importPacks, renderPacks, type SectionContext } from "./packs-section";
import { renderTone, wireTone } from "./tone-section";
import {
  CATEGORIES,
  LANGUAGES,
  PLATFORMS,
  invalidWordReason,
  loadDictionary,
  loadSettings,
  saveDictionary,
  saveSettings,
  type Settings,
} from "../shared/settings";
import { byId as $, CATEGORY_LABEL } from "../shared/dom";

function status(message: string, isError = false): void {
  const element = $("status");
  element.textContent = message;
  element.classList.toggle("error", isError);
}

function lockedNote(): HTMLElement {
  const note = document.createElement("span");
  note.className = "locked";
  note.textContent = t("optionsLocked");
  return note;
}

async function update(change: (settings: Settings) => void): Promise<void> {
  const { settings } = await loadSettings();
  change(settings);
  const error = await saveSettings(settings);
  status(error ?? t("optionsSaved"), error !== null);
  await render();
}

function listItem(text: string, buttonLabel: string, onClick: () => void, disabled: boolean): HTMLLIElement {
  const li = document.createElement("li");
  li.textContent = text;
  const button = document.createElement("button");
  button.textContent = buttonLabel;
  button.disabled = disabled;
  button.addEventListener("click", onClick);
  li.append(" ", button);
  return li;
}

let context: SectionContext | undefined;

async function render(): Promise<void> {
  const { settings, locked, refused } = await loadSettings();
  context = { settings, locked, update, rerender: render };
  const policyRefused = $("policy-refused");
  policyRefused.hidden = refused.length === 0;
  policyRefused.textContent = refused.length === 0 ? "" : t("optionsPolicyRefused", refused.join(", "));
  await initCore();
  renderTone(context, await activePackToneTarget(settings));
  await renderPacks(context);
  const language = $<HTMLSelectElement>("language");
  language.value = settings.language;
  language.disabled = locked.has("language");
  if (language.disabled && language.nextElementSibling?.className !== "locked") language.after(lockedNote());
  const platform = $<HTMLSelectElement>("platform");
  platform.value = settings.platform;
  platform.disabled = locked.has("platform");
  if (platform.disabled && platform.nextElementSibling?.className !== "locked") platform.after(lockedNote());

  $("categories").replaceChildren(
    ...CATEGORIES.map((category) => {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = `category-${category}`;
      box.checked = settings.categories[category];
      box.disabled = locked.has("categories");
      box.addEventListener("change", () => void update((s) => (s.categories[category] = box.checked)));
      label.append(box, " ", t(CATEGORY_LABEL[category]));
      if (box.disabled) label.append(lockedNote());
      return label;
    }),
  );

  const rules = settings.disabledRules.map((rule) =>
    listItem(rule, t("optionsEnableRule"), () => void update((s) => (s.disabledRules = s.disabledRules.filter((r) => r !== rule))), locked.has("disabledRules")),
  );
  $("disabled-rules").replaceChildren(...(rules.length > 0 ? rules : [Object.assign(document.createElement("li"), { textContent: t("optionsNoDisabledRules") })]));
  const sites = settings.disabledSites.map((site) =>
    listItem(site, t("optionsEnableRule"), () => void update((s) => (s.disabledSites = s.disabledSites.filter((h) => h !== site))), locked.has("disabledSites")),
  );
  $("disabled-sites").replaceChildren(...(sites.length > 0 ? sites : [Object.assign(document.createElement("li"), { textContent: t("optionsNoSites") })]));

  const words = await loadDictionary();
  $("words").replaceChildren(
    ...words.map((word) => {
      const li = listItem(word, t("optionsRemoveWord"), () => void saveWords(words.filter((w) => w !== word)), false);
      li.dataset.word = word;
      return li;
    }),
  );
}

async function saveWords(words: string[]): Promise<void> {
  const error = await saveDictionary(words);
  status(error ?? t("optionsSaved"), error !== null);
  await render();
}

/** Adds words, refusing (and naming) the invalid ones; valid ones are kept either way. */
async function addWords(candidates: string[], source: string): Promise<void> {
  const refused: string[] = [];
  const valid: string[] = [];
  candidates.forEach((word, index) => {
    const reason = invalidWordReason(word);
    if (reason === null) valid.push(word);
    else refused.push(`${source} ${index + 1}: “${word.slice(0, 40)}” ${reason}`);
  });
  const words = await loadDictionary();
  const error = valid.length > 0 ? await saveDictionary([...words, ...valid]) : null;
  const problems = [...refused, ...(error === null ? [] : [error])];
  status(problems.length > 0 ? problems.slice(0, 5).join("; ") : t("optionsSaved"), problems.length > 0);
  await render();
}

$<HTMLSelectElement>("language").addEventListener("change", (e) => {
  const value = (e.target as HTMLSelectElement).value;
  void update((s) => (s.language = LANGUAGES.find((l) => l === value) ?? s.language));
});
$<HTMLSelectElement>("platform").addEventListener("change", (e) => {
  const value = (e.target as HTMLSelectElement).value;
  void update((s) => (s.platform = PLATFORMS.find((p) => p === value) ?? s.platform));
});
$<HTMLFormElement>("add-word").addEventListener("submit", (e) => {
  e.preventDefault();
  const input = $<HTMLInputElement>("new-word");
  void addWords([input.value.trim()], "word").then(() => (input.value = ""));
});
$<HTMLInputElement>("import").addEventListener("change", async (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file === undefined) return;
  const lines = (await file.text()).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  await addWords(lines, `${file.name}, line`);
});
$("export").addEventListener("click", async () => {
  const words = await loadDictionary();
  const url = URL.createObjectURL(new Blob([`${words.join("\n")}\n`], { type: "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "plume-dictionary.txt";
  link.click();
  URL.revokeObjectURL(url);
});

$<HTMLInputElement>("import-pack").addEventListener("change", async (e) => {
  const input = e.target as HTMLInputElement;
  const files = [...(input.files ?? [])];
  if (files.length === 0 || context === undefined) return;
  await importPacks(context, files);
  input.value = "";
});
wireTone(() => {
  if (context === undefined) throw new Error("the options page is not rendered yet");
  return context;
}, status);

localise();
// `data-ready` tells tests (and assistive tools) that the stored settings are on screen.
void render()
  .then(() => (document.body.dataset.ready = "true"))
  .catch((error: unknown) => status(String(error), true));
