/**
 * Small helpers shared by the extension's own pages (popup, options, learn): finding a page's
 * element by id, and the message key of each category's label.
 */

/** The element with `id`; a page missing it is a build mistake, reported by name. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`${location.pathname} has no #${id}`);
  return element as T;
}

/** The `_locales` message key of each category's label. */
export const CATEGORY_LABEL = {
  spelling: "categorySpelling",
  grammar: "categoryGrammar",
  tone: "categoryTone",
  guideline: "categoryGuideline",
  platform: "categoryPlatform",
} as const;
