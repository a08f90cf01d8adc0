/**
 * UI strings from `_locales/<lang>/messages.json` (chrome.i18n): `t` for code, and
 * `localise` for pages whose elements carry `data-i18n="key"`.
 */

export function t(key: string, ...substitutions: string[]): string {
  const message = chrome.i18n.getMessage(key, substitutions);
  return message === "" ? key : message;
}

/** Fills every `[data-i18n]` element's text with its message. */
export function localise(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const key = element.dataset.i18n;
    if (key !== undefined) element.textContent = t(key);
  }
  document.documentElement.lang = uiLocale();
}

/**
 * The interface's locale (`fr`, `en-US`): the locale chrome.i18n picked the messages from, so
 * plurals, numbers, dates and the core's messages follow the strings on screen (in a service
 * worker, getUILanguage can differ from it).
 */
export function uiLocale(): string {
  const picked = chrome.i18n.getMessage("@@ui_locale");
  return picked === "" ? chrome.i18n.getUILanguage() : picked.replace("_", "-");
}

/**
 * The message `${key}_one`, `${key}_other`… that fits `count` in the interface's language
 * (Intl.PluralRules: "1 vu", "2 vus"; French counts 0 as one), with `count` formatted for the
 * locale as its first substitution.
 */
export function tCount(key: string, count: number, ...rest: string[]): string {
  const form = new Intl.PluralRules(uiLocale()).select(count);
  const number = new Intl.NumberFormat(uiLocale()).format(count);
  const message = chrome.i18n.getMessage(`${key}_${form}`, [number, ...rest]);
  return message === "" ? chrome.i18n.getMessage(`${key}_other`, [number, ...rest]) || key : message;
}

/** A day (`2026-03-02`) written the locale's way: "2 mars 2026", "Mar 2, 2026". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  const value = new Date(Date.UTC(year, month - 1, date));
  if (Number.isNaN(value.getTime())) return day;
  return new Intl.DateTimeFormat(uiLocale(), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(value);
}
