/**
 * The messages between content scripts, extension pages and the background worker, and the
 * report shapes the Rust core returns (mirrors `src/report.rs`). One place, used by both sides.
 */

export type Category = "spelling" | "tone" | "guideline" | "platform" | "grammar";
export type Severity = "suggestion" | "warning" | "error";

export interface OffsetSpan {
  start: number;
  end: number;
}

export interface Diagnostic {
  category: Category;
  rule: string;
  severity: Severity;
  /** UTF-8 byte offsets (for the CLI); the extension uses `utf16`. */
  span: OffsetSpan;
  /** UTF-16 code-unit offsets, as JavaScript strings count. */
  utf16: OffsetSpan;
  message: string;
  why: string;
  link?: string;
  suggestions: string[];
  /** Other rules that flagged exactly this span (the core merges them: one problem, one diagnostic). */
  also?: Reason[];
}

/** Why another rule flagged the same span (mirrors `Reason` in src/report.rs). */
export interface Reason {
  category: Category;
  rule: string;
  severity: Severity;
  message: string;
  why: string;
  link?: string;
}

/** Every rule behind a diagnostic: its own, then those merged into it. */
export function rulesOf(diagnostic: Diagnostic): string[] {
  return [diagnostic.rule, ...(diagnostic.also ?? []).map((r) => r.rule)];
}

export interface Summary {
  total: number;
  spelling: number;
  tone: number;
  guideline: number;
  platform: number;
  grammar: number;
  errors: number;
  warnings: number;
  suggestions: number;
  words: number;
  utf16_length: number;
}

/** The tone summary (present once the core's tone analysis provides it). */
export interface ToneSummary {
  label: string;
  [dimension: string]: unknown;
}

/** Platform length counters (present when a platform applies). */
export interface PlatformCounters {
  platform: string;
  /** Length as the platform counts it (X: weighted length). */
  length: number;
  limit: number;
  [counter: string]: unknown;
}

/** How a language was decided (mirrors `spell::language::Basis`). */
export type LanguageBasis = "configured" | "clear" | "weak" | "from_draft" | "from_prior" | "default";

/** The language a draft or a paragraph was read in. */
export interface LanguageVerdict {
  language: "en" | "fr";
  /** `en-US`, `en-GB` or `fr` when known; null for English whose variety nothing shows. */
  variety: "en-US" | "en-GB" | "fr" | null;
  basis: LanguageBasis;
}

/** One paragraph (a line with words) and the language it was read in. */
export interface ParagraphLanguage extends LanguageVerdict {
  span: OffsetSpan;
  utf16: OffsetSpan;
}

/** Which language the draft, and each paragraph, was read in. */
export interface DecidedLanguage {
  draft: LanguageVerdict;
  paragraphs: ParagraphLanguage[];
}

export interface Report {
  diagnostics: Diagnostic[];
  summary: Summary;
  tone?: ToneSummary;
  platform?: PlatformCounters | null;
  /** Languages whose dictionary must be loaded before the draft is fully checked (`fr`). */
  missing_dictionaries?: string[];
  /** The language the draft and each of its paragraphs was read in. */
  decided_language: DecidedLanguage;
}

/** Longest draft a content script may send, in UTF-16 code units (a 1 MB paste fits). */
export const MAX_TEXT_LENGTH = 1_048_576;

/** A BCP 47 language tag as pages write it in `lang` (`fr`, `en-GB`, `fr_CA`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/;

/** The core's language prior for a page's language tag: French, English, or none. */
export function priorLanguage(tag: string | undefined): "fr" | "en-US" | undefined {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  if (primary === "fr") return "fr";
  if (primary === "en") return "en-US";
  return undefined;
}

export interface CheckRequest {
  type: "check";
  text: string;
  /** Increases with every edit; lets the sender drop stale answers. */
  revision: number;
  /** The field's `lang` attribute (or its page's), a prior for the draft's language: `fr-CA`. */
  pageLanguage?: string;
}

/** Adds a word to the personal dictionary (from the popover). */
export interface AddWordRequest {
  type: "dictionary/add";
  word: string;
}

/** Turns a rule off (from the popover), or back on (its undo). */
export interface DisableRuleRequest {
  type: "rules/disable" | "rules/enable";
  rule: string;
}

/** Switches Plume off on the sender's site (from the popover, confirmed), or back on (its undo). */
export interface SiteSwitchRequest {
  type: "site/disable" | "site/enable";
}

/** A suggestion was applied in a field (counted in the Learn page's local progress). */
export interface FixAppliedRequest {
  type: "progress/fixed";
  category: Category;
  rule: string;
}

/** The issues ignored on the sender's page ("ignored/list"), or one more to remember ("ignored/add"). */
export type IgnoredRequest = { type: "ignored/list" } | { type: "ignored/add"; key: string };

/** The answer to "ignored/list": keys of ignored issues (rule and flagged text). */
export interface IgnoredResponse {
  type: "ignored";
  keys: string[];
}

export type WorkerRequest = CheckRequest | AddWordRequest | DisableRuleRequest | SiteSwitchRequest | FixAppliedRequest | IgnoredRequest;

export type CheckResponse =
  | { type: "report"; revision: number; report: Report }
  | { type: "disabled" }
  | { type: "error"; message: string };

/**
 * Name of the long-lived port content scripts send `check` requests on: one connection per page
 * instead of a message channel opened and closed per check (measured in benches/speed/browser.mjs).
 */
export const CHECK_PORT = "plume-check";

/** A check's answer on the port, matched to its request by `revision` (several fields share a port). */
export type PortCheckResponse = CheckResponse & { revision: number };

export type ActionResponse = { type: "ok" } | { type: "error"; message: string };

/** Messages the popup and the worker send to a tab's content script. */
export type TabRequest = { type: "summary" } | { type: "command"; name: "next-issue" | "accept-first" };

export interface DraftSummary {
  type: "summary";
  /** Summary of the focused field's last report, or null when no field was checked. */
  summary: Summary | null;
}

const CATEGORY_NAMES: readonly Category[] = ["spelling", "tone", "guideline", "platform", "grammar"];

const RULE_ID = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

/** Validates an incoming message: the worker trusts nothing a page-side script sends. */
export function parseWorkerRequest(message: unknown): WorkerRequest | string {
  if (typeof message !== "object" || message === null) return "message is not an object";
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case "check":
      if (typeof m.text !== "string") return "text must be a string";
      if (m.text.length > MAX_TEXT_LENGTH) {
        return `text is ${m.text.length} characters; the limit is ${MAX_TEXT_LENGTH}`;
      }
      if (typeof m.revision !== "number" || !Number.isSafeInteger(m.revision)) {
        return "revision must be an integer";
      }
      if (m.pageLanguage !== undefined && (typeof m.pageLanguage !== "string" || !LANGUAGE_TAG.test(m.pageLanguage))) {
        return "pageLanguage must be a language tag such as fr or en-GB";
      }
      return {
        type: "check",
        text: m.text,
        revision: m.revision,
        ...(m.pageLanguage === undefined ? {} : { pageLanguage: m.pageLanguage }),
      };
    case "dictionary/add":
      if (typeof m.word !== "string" || m.word.length === 0 || m.word.length > 64 || /\s/.test(m.word)) {
        return "word must be one word of at most 64 characters";
      }
      return { type: "dictionary/add", word: m.word };
    case "rules/disable":
    case "rules/enable":
      if (typeof m.rule !== "string" || m.rule.length > 128 || !RULE_ID.test(m.rule)) {
        return "rule must be a rule id such as tone.shouting";
      }
      return { type: m.type, rule: m.rule };
    case "site/disable":
    case "site/enable":
    case "ignored/list":
      return { type: m.type };
    case "ignored/add":
      if (typeof m.key !== "string" || m.key.length === 0 || m.key.length > 300) {
        return "key must be a rule and the flagged text, at most 300 characters";
      }
      return { type: "ignored/add", key: m.key };
    case "progress/fixed":
      if (typeof m.category !== "string" || !(CATEGORY_NAMES as readonly string[]).includes(m.category)) {
        return "category must be spelling, grammar, tone, guideline or platform";
      }
      if (typeof m.rule !== "string" || m.rule.length > 128 || !RULE_ID.test(m.rule)) {
        return "rule must be a rule id such as tone.shouting";
      }
      return { type: "progress/fixed", category: m.category as Category, rule: m.rule };
    default:
      return `unknown message type ${JSON.stringify(m.type)}`;
  }
}
