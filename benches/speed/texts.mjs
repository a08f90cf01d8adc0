// The texts every engine is measured on, built from benches/texts/ so all engines see the same
// bytes: a 280-character post, a LinkedIn-length post (~3,000 chars), a 10,000-character and a
// 100,000-character document (paragraphs numbered so no two are identical).
import { readFileSync } from "node:fs";

const dir = new URL("../texts/", import.meta.url);
const post = readFileSync(new URL("post-en.txt", dir), "utf8").trim();
const paragraphs = readFileSync(new URL("paragraphs-en.txt", dir), "utf8").trim().split("\n");

function document(length) {
  const out = [];
  let total = 0;
  for (let i = 0; total < length; i++) {
    const p = `Part ${i + 1}. ${paragraphs[i % paragraphs.length]}`;
    out.push(p);
    total += p.length + 1;
  }
  return out.join("\n").slice(0, length);
}

function linkedin() {
  const out = [];
  for (const p of paragraphs) {
    if (out.join("\n").length + p.length + 1 > 3000) break;
    out.push(p);
  }
  return out.join("\n");
}

export const TEXTS = {
  post: post,
  linkedin: linkedin(),
  doc10k: document(10_000),
  doc100k: document(100_000),
};

/**
 * The same text with one character typed after the `run`-th word counted back from its end:
 * the positions come round again with the next letter of the alphabet, so every run up to
 * 26 × (number of words, at most 400) gives a version of its own.
 */
export function oneCharEdit(text, run = 0) {
  const spaces = [];
  for (let i = text.length - 1; i >= 0 && spaces.length < 400; i--) if (text[i] === " ") spaces.push(i);
  const at = spaces.length ? spaces[run % spaces.length] : text.length;
  const letter = "sabcdefghijklmnopqrtuvwxyz"[Math.floor(run / Math.max(spaces.length, 1)) % 26];
  return `${text.slice(0, at)}${letter}${text.slice(at)}`;
}
