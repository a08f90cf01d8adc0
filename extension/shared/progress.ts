/**
 * A trainee's local progress: issues met and fixed per category and day, kept only in this
 * browser (`chrome.storage.local`, key `progress`) and only for the last weeks. An issue is met
 * once per distinct rule and flagged text per day, however often the draft is checked.
 */

import type { Category } from "./protocol";
import { CATEGORIES } from "./settings";

/** Days kept (12 weeks). */
export const KEPT_DAYS = 84;
/** Distinct issues remembered per day (beyond it, new ones still count but are not deduplicated). */
const MAX_SEEN_PER_DAY = 2000;

export type Counts = Partial<Record<Category, number>>;

export interface DayProgress {
  met: Counts;
  fixed: Counts;
  /** Hashes of `rule + flagged text` already counted that day. */
  seen: string[];
}

/** Days by ISO date (`2026-11-22`, local time). */
export type Progress = Record<string, DayProgress>;

/** A met issue: its category and what makes it distinct. */
export interface MetIssue {
  category: Category;
  rule: string;
  text: string;
}

export function dayOf(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** FNV-1a, 32 bits, as hex: a short, stable key that keeps no draft text in storage. */
export function issueKey(rule: string, text: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${rule}\u0000${text}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function counts(raw: unknown): Counts {
  const out: Counts = {};
  if (typeof raw !== "object" || raw === null) return out;
  for (const c of CATEGORIES) {
    const v = (raw as Record<string, unknown>)[c];
    if (typeof v === "number" && Number.isSafeInteger(v) && v > 0) out[c] = v;
  }
  return out;
}

/** Reads stored progress, dropping malformed days and days older than `KEPT_DAYS`. */
export function normaliseProgress(raw: unknown, today: Date = new Date()): Progress {
  const out: Progress = {};
  if (typeof raw !== "object" || raw === null) return out;
  const oldest = new Date(today);
  oldest.setDate(oldest.getDate() - (KEPT_DAYS - 1));
  const cutoff = dayOf(oldest);
  for (const [day, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < cutoff || typeof value !== "object" || value === null) continue;
    const v = value as Record<string, unknown>;
    const seen = Array.isArray(v.seen) ? v.seen.filter((s): s is string => typeof s === "string").slice(0, MAX_SEEN_PER_DAY) : [];
    out[day] = { met: counts(v.met), fixed: counts(v.fixed), seen };
  }
  return out;
}

function dayEntry(progress: Progress, day: string): DayProgress {
  progress[day] ??= { met: {}, fixed: {}, seen: [] };
  return progress[day];
}

/** Counts met issues not yet seen today; returns how many were new. */
export function recordMet(progress: Progress, issues: MetIssue[], day: string): number {
  const entry = dayEntry(progress, day);
  const seen = new Set(entry.seen);
  let added = 0;
  for (const issue of issues) {
    const key = issueKey(issue.rule, issue.text);
    if (seen.has(key)) continue;
    seen.add(key);
    if (entry.seen.length < MAX_SEEN_PER_DAY) entry.seen.push(key);
    entry.met[issue.category] = (entry.met[issue.category] ?? 0) + 1;
    added += 1;
  }
  return added;
}

export function recordFixed(progress: Progress, category: Category, day: string): void {
  const entry = dayEntry(progress, day);
  entry.fixed[category] = (entry.fixed[category] ?? 0) + 1;
}

export interface WeekProgress {
  /** The week's first day (Monday), ISO date. */
  start: string;
  met: Counts;
  fixed: Counts;
}

/** Totals per week (Monday to Sunday), most recent first, for the last `weeks` weeks. */
export function weeklyProgress(progress: Progress, today: Date = new Date(), weeks = KEPT_DAYS / 7): WeekProgress[] {
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  const out: WeekProgress[] = [];
  for (let w = 0; w < weeks; w++) {
    const start = new Date(monday);
    start.setDate(start.getDate() - 7 * w);
    const week: WeekProgress = { start: dayOf(start), met: {}, fixed: {} };
    for (let d = 0; d < 7; d++) {
      const day = new Date(start);
      day.setDate(day.getDate() + d);
      const entry = progress[dayOf(day)];
      if (entry === undefined) continue;
      for (const c of CATEGORIES) {
        if (entry.met[c] !== undefined) week.met[c] = (week.met[c] ?? 0) + entry.met[c];
        if (entry.fixed[c] !== undefined) week.fixed[c] = (week.fixed[c] ?? 0) + entry.fixed[c];
      }
    }
    out.push(week);
  }
  return out;
}

export async function loadProgress(): Promise<Progress> {
  const stored = await chrome.storage.local.get("progress");
  return normaliseProgress(stored.progress);
}

export async function saveProgress(progress: Progress): Promise<void> {
  await chrome.storage.local.set({ progress });
}
