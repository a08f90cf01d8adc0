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
  document.documentElement.lang = chrome.i18n.getUILanguage();
}
