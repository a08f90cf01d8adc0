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

export interface Report {
  diagnostics: Diagnostic[];
  summary: Summary;
}

/** Longest draft a content script may send, in UTF-16 code units (a 1 MB paste fits). */
export const MAX_TEXT_LENGTH = 1_048_576;

export interface CheckRequest {
  type: "check";
  text: string;
  /** Increases with every edit; lets the sender drop stale answers. */
  revision: number;
}

export type CheckResponse =
  | { type: "report"; revision: number; report: Report }
  | { type: "error"; message: string };

/** Validates an incoming message: the worker trusts nothing a page-side script sends. */
export function parseCheckRequest(message: unknown): CheckRequest | string {
  if (typeof message !== "object" || message === null) return "message is not an object";
  const m = message as Record<string, unknown>;
  if (m.type !== "check") return `unknown message type ${JSON.stringify(m.type)}`;
  if (typeof m.text !== "string") return "text must be a string";
  if (m.text.length > MAX_TEXT_LENGTH) {
    return `text is ${m.text.length} characters; the limit is ${MAX_TEXT_LENGTH}`;
  }
  if (typeof m.revision !== "number" || !Number.isSafeInteger(m.revision)) {
    return "revision must be an integer";
  }
  return { type: "check", text: m.text, revision: m.revision };
}
