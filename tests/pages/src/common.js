// Shared by the test pages: the seed text from the URL, a tiny markup for bold runs, and the
// element where each page writes its editor framework's own model text for the tests to read.

export const params = new URLSearchParams(location.search);

/** The draft to start with: `?text=` (lines separated by "\n"; `*word*` is bold). */
export const seedText = params.get("text") ?? "";

/** The seed's lines, each as runs of `{ text, bold }`. */
export function seedLines() {
  return seedText.split("\n").map((line) =>
    line.split(/(\*[^*]+\*)/).filter((part) => part !== "").map((part) =>
      part.startsWith("*") && part.endsWith("*") && part.length > 2
        ? { text: part.slice(1, -1), bold: true }
        : { text: part, bold: false },
    ),
  );
}

/** Writes the framework's own model text where tests read it. */
export function showModel(text) {
  document.getElementById("model").textContent = text;
  document.getElementById("model").dataset.revision = String(Number(document.getElementById("model").dataset.revision ?? 0) + 1);
}

/** Hooks a test can call from the page (`window.plumeTest`). */
export function expose(api) {
  window.plumeTest = api;
}
