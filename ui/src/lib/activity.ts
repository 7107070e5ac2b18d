// Small helpers for timing.

/** Calls `fn` at most once every `ms` milliseconds; calls in between are dropped. */
export function throttle(fn: () => void, ms: number, now: () => number = Date.now): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < ms) return;
    last = t;
    fn();
  };
}

/**
 * For telling the core the person is here: calls `fn` at once, then at most once every
 * `everyMs` while activity goes on, and once more `quietMs` after the last activity when
 * any went untold. So the core always hears of the *last* keystroke within `quietMs`, and
 * auto-lock counts its idle time from there (leading-edge only, it heard of a keystroke up to
 * `everyMs` before the last one and could lock that much early).
 */
export function presence(fn: () => void, everyMs: number, quietMs: number, now: () => number = Date.now) {
  let last = -Infinity;
  let untold = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tell = () => {
    last = now();
    untold = false;
    fn();
  };
  return () => {
    clearTimeout(timer);
    if (now() - last >= everyMs) {
      tell();
      return;
    }
    untold = true;
    timer = setTimeout(() => {
      if (untold) tell();
    }, quietMs);
  };
}

/** Calls `fn` once things have been quiet for `ms`; returns a trigger and a cancel. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const trigger = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  const cancel = () => clearTimeout(timer);
  return { trigger, cancel };
}
