/**
 * Timing hooks for the keystroke benchmark (benches/speed/browser.mjs), compiled in only when the
 * bundle is built with `--define:PLUME_BENCH=true`. In the shipped extension `PLUME_BENCH` is
 * undefined, every hook returns at once, and nothing reaches the page's performance timeline
 * (marks there would tell any page that Plume is installed).
 */

declare const PLUME_BENCH: boolean | undefined;

/** Whether this bundle was built for the benchmark. */
export const BENCH: boolean = typeof PLUME_BENCH !== "undefined" && PLUME_BENCH === true;

/** Puts `plume:<name>` on the page's performance timeline (content script) or the worker's. */
export function benchMark(name: string, detail?: unknown): void {
  if (BENCH) performance.mark(`plume:${name}`, { detail });
}

/**
 * Records the synchronous work of `run` as a `plume:work:<name>` measure (main-thread blocking);
 * names with a colon (`draw:badge`) are parts of a section already measured, kept as `plume:part:…`.
 */
export function benchWork<T>(name: string, run: () => T): T {
  if (!BENCH) return run();
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(`plume:${name.includes(":") ? "part" : "work"}:${name}`, { start, end: performance.now() });
  }
}

/**
 * Marks `plume:<name>` once the frame showing the current DOM has been rendered: a message posted
 * from a requestAnimationFrame callback runs after that frame's style, layout and paint.
 */
export function benchAfterPaint(name: string, detail?: unknown): void {
  if (!BENCH) return;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      benchMark(name, detail);
    };
    channel.port2.postMessage(null);
  });
}
