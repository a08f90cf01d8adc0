/**
 * The toolbar popup: switch Plume on or off for the current site, grant it a site it does not
 * cover, and see the current draft's summary (asked from the tab's content script).
 */

import { localise, t } from "../shared/i18n";
import type { DraftSummary } from "../shared/protocol";
import { CATEGORIES, loadSettings, saveSettings } from "../shared/settings";
import { byId as $, CATEGORY_LABEL } from "../shared/dom";

function showStatus(message: string, isError = false): void {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

async function activeTab(): Promise<chrome.tabs.Tab | undefined> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function showSite(tab: chrome.tabs.Tab | undefined): Promise<void> {
  const url = tab?.url === undefined ? null : new URL(tab.url);
  if (url === null || !/^https?:$/.test(url.protocol)) {
    $("site-enabled").closest("label")!.hidden = true;
    $("no-site").hidden = false;
    return;
  }
  const host = url.host;
  $("host").textContent = host;
  const origin = `${url.protocol}//${host}/*`;
  const covered = await chrome.permissions.contains({ origins: [origin] });
  const toggle = $<HTMLInputElement>("site-enabled");
  const { settings, locked } = await loadSettings();
  toggle.checked = !settings.disabledSites.includes(host);
  toggle.disabled = locked.has("disabledSites");
  toggle.addEventListener("change", async () => {
    const fresh = (await loadSettings()).settings;
    fresh.disabledSites = fresh.disabledSites.filter((h) => h !== host);
    if (!toggle.checked) fresh.disabledSites.push(host);
    const error = await saveSettings(fresh);
    // A refused save changed nothing: the switch shows what is stored again.
    if (error !== null) toggle.checked = !toggle.checked;
    showStatus(error ?? t("optionsSaved"), error !== null);
  });
  if (!covered) {
    const grant = $<HTMLButtonElement>("grant");
    grant.hidden = false;
    grant.addEventListener("click", async () => {
      // Optional host permission, asked for one site at a time, then the content script is
      // registered there (it persists across browser restarts).
      const granted = await chrome.permissions.request({ origins: [origin] });
      if (!granted) return;
      await chrome.scripting.registerContentScripts([
        { id: `site-${host}`, matches: [origin], js: ["content.js"], css: ["content.css"], allFrames: true, runAt: "document_idle" },
      ]).catch((error: unknown) => showStatus(String(error)));
      grant.hidden = true;
      showStatus(t("optionsSaved"));
    });
  }
}

async function showDraft(tab: chrome.tabs.Tab | undefined): Promise<void> {
  if (tab?.id === undefined) return;
  let answer: DraftSummary | undefined;
  try {
    answer = (await chrome.tabs.sendMessage(tab.id, { type: "summary" })) as DraftSummary | undefined;
  } catch {
    return; // no content script in this tab
  }
  const summary = answer?.summary;
  if (summary === null || summary === undefined) return;
  $("no-draft").hidden = true;
  const list = $("counts");
  list.hidden = false;
  const rows: Array<[string, string]> = [
    [t("popupIssues"), String(summary.total)],
    ...CATEGORIES.filter((c) => summary[c] > 0).map((c): [string, string] => [t(CATEGORY_LABEL[c]), String(summary[c])]),
    [t("popupWords"), String(summary.words)],
  ];
  list.replaceChildren(
    ...rows.flatMap(([name, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = name;
      const dd = document.createElement("dd");
      dd.textContent = value;
      dd.dataset.count = name;
      return [dt, dd];
    }),
  );
}

localise();
void activeTab().then(async (tab) => {
  await showSite(tab);
  await showDraft(tab);
});
