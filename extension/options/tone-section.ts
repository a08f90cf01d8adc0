/**
 * The options page's Tone target section: a preset (or none) and its fields, shown with the
 * preset's values (from the core, `tone_preset`) until the user changes one. Stored in the sync
 * settings as the core's `ToneTarget` shape; with none set, an active pack's own target applies.
 */

import { tone_preset } from "../../build/wasm/plume.js";
import { t } from "../shared/i18n";
import { normaliseToneTarget, TONE_PRESETS, type TonePreset, type ToneTargetSetting } from "../shared/settings";
import type { SectionContext } from "./packs-section";
import { byId as $ } from "../shared/dom";

const NUMBER_FIELDS = ["tone-formality-min", "tone-formality-max", "tone-min-sentiment", "tone-max-exclamations"] as const;
const FLAGS = { "tone-no-shouting": "no_shouting", "tone-no-profanity": "no_profanity", "tone-warn-hedging": "warn_hedging" } as const;

/** A preset's values, or an empty target when the core does not know it. */
function presetValues(name: TonePreset | undefined): ToneTargetSetting {
  if (name === undefined) return {};
  try {
    const values = normaliseToneTarget(tone_preset(name)) ?? {};
    // The core's scores are 32-bit floats (0.4 arrives as 0.4000000059604645).
    if (values.formality !== undefined) values.formality = { min: hundredths(values.formality.min), max: hundredths(values.formality.max) };
    if (values.min_sentiment !== undefined) values.min_sentiment = hundredths(values.min_sentiment);
    return values;
  } catch {
    return {};
  }
}

const hundredths = (x: number): number => Math.round(x * 100) / 100;
const round = (x: number): string => String(hundredths(x));

export function renderTone(ctx: SectionContext, packTarget: { pack: string; preset: string | null } | null): void {
  const target = ctx.settings.toneTarget ?? {};
  const shown: ToneTargetSetting = { ...presetValues(target.preset), ...target };
  const locked = ctx.locked.has("toneTarget");
  const preset = $<HTMLSelectElement>("tone-preset");
  preset.value = target.preset ?? "";
  preset.disabled = locked;
  const numbers: Record<(typeof NUMBER_FIELDS)[number], number | undefined> = {
    "tone-formality-min": shown.formality?.min,
    "tone-formality-max": shown.formality?.max,
    "tone-min-sentiment": shown.min_sentiment,
    "tone-max-exclamations": shown.max_exclamations,
  };
  for (const id of NUMBER_FIELDS) {
    const input = $<HTMLInputElement>(id);
    const value = numbers[id];
    input.value = value === undefined ? "" : round(value);
    input.disabled = locked;
  }
  for (const [id, key] of Object.entries(FLAGS) as Array<[keyof typeof FLAGS, (typeof FLAGS)[keyof typeof FLAGS]]>) {
    const box = $<HTMLInputElement>(id);
    box.checked = shown[key] ?? false;
    box.disabled = locked;
  }
  $<HTMLButtonElement>("tone-reset").disabled = locked || ctx.settings.toneTarget === null;
  const note = $("tone-note");
  const fromPack = packTarget === null ? t("toneNoneNote") : t("toneNoneNotePack", packTarget.pack, packTarget.preset ?? "—");
  note.textContent = locked ? t("optionsLocked") : ctx.settings.toneTarget === null ? fromPack : "";
  note.className = locked ? "locked" : "muted";
}

function numberOf(id: string): number | undefined {
  const raw = $<HTMLInputElement>(id).value.trim();
  if (raw === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** The target the fields describe; the preset is kept and fields equal to it are not stored. */
function targetFromFields(current: ToneTargetSetting | null): ToneTargetSetting {
  const target: ToneTargetSetting = {};
  if (current?.preset !== undefined) target.preset = current.preset;
  const base = presetValues(target.preset);
  const min = numberOf("tone-formality-min");
  const max = numberOf("tone-formality-max");
  if (min !== undefined || max !== undefined) {
    const range = { min: min ?? 0, max: max ?? 1 };
    if (base.formality?.min !== range.min || base.formality.max !== range.max) target.formality = range;
  }
  const sentiment = numberOf("tone-min-sentiment");
  if (sentiment !== undefined && sentiment !== base.min_sentiment) target.min_sentiment = sentiment;
  const exclamations = numberOf("tone-max-exclamations");
  if (exclamations !== undefined && exclamations !== base.max_exclamations) target.max_exclamations = exclamations;
  for (const [id, key] of Object.entries(FLAGS) as Array<[string, (typeof FLAGS)[keyof typeof FLAGS]]>) {
    const checked = $<HTMLInputElement>(id).checked;
    if (checked !== (base[key] ?? false)) target[key] = checked;
  }
  return target;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function wireTone(ctx: () => SectionContext, status: (message: string, isError?: boolean) => void): void {
  $<HTMLSelectElement>("tone-preset").addEventListener("change", (e) => {
    const value = (e.target as HTMLSelectElement).value;
    const chosen = TONE_PRESETS.find((p) => p === value);
    void ctx().update((s) => (s.toneTarget = chosen === undefined ? null : { preset: chosen }));
  });
  const onField = (): void => {
    const candidate = targetFromFields(ctx().settings.toneTarget);
    const valid = normaliseToneTarget(candidate);
    if (!same(valid ?? {}, candidate)) {
      status(t("toneInvalid"), true);
      return;
    }
    void ctx().update((s) => (s.toneTarget = valid));
  };
  for (const id of [...NUMBER_FIELDS, ...Object.keys(FLAGS)]) $(id).addEventListener("change", onField);
  $("tone-reset").addEventListener("click", () => void ctx().update((s) => (s.toneTarget = null)));
}
