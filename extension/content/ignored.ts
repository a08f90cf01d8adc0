/**
 * Ignores remembered per draft: "Ignore" on an issue is kept in `chrome.storage.local` under the
 * page the draft is written on (origin and path), so it still holds after a reload. Only the
 * rule and the flagged words are kept, for the most recent pages, within a small budget.
 */

const STORAGE_KEY = "ignored";
/** Pages remembered, most recent first. */
const MAX_PAGES = 50;
/** Ignored issues remembered per page. */
const MAX_PER_PAGE = 200;
/** Longest key kept (a rule id and the flagged text). */
const MAX_KEY_LENGTH = 300;

interface PageIgnores {
  page: string;
  keys: string[];
}

/** The draft's page: its origin and path (not the query, which often carries tracking). */
function pageKey(): string {
  return `${location.origin}${location.pathname}`;
}

async function readAll(): Promise<PageIgnores[]> {
  try {
    const stored = await chrome.storage.local.get(STORAGE_KEY);
    const value: unknown = stored[STORAGE_KEY];
    if (!Array.isArray(value)) return [];
    return value.filter(
      (p): p is PageIgnores =>
        typeof p === "object" && p !== null && typeof (p as PageIgnores).page === "string" &&
        Array.isArray((p as PageIgnores).keys) && (p as PageIgnores).keys.every((k) => typeof k === "string"),
    );
  } catch {
    return []; // the extension went away, or storage is unavailable: nothing remembered
  }
}

/** The issues ignored on this page before. */
export async function loadIgnored(): Promise<string[]> {
  const page = pageKey();
  return (await readAll()).find((p) => p.page === page)?.keys ?? [];
}

/** Remembers one more ignored issue for this page; a failed write only forgets it. */
export async function saveIgnored(key: string): Promise<void> {
  if (key.length > MAX_KEY_LENGTH) return;
  const page = pageKey();
  const all = await readAll();
  const mine = all.find((p) => p.page === page) ?? { page, keys: [] };
  const keys = [key, ...mine.keys.filter((k) => k !== key)].slice(0, MAX_PER_PAGE);
  const rest = all.filter((p) => p.page !== page);
  try {
    await chrome.storage.local.set({ [STORAGE_KEY]: [{ page, keys }, ...rest].slice(0, MAX_PAGES) });
  } catch (error) {
    console.warn("Plume: the ignored issue could not be remembered", error);
  }
}
