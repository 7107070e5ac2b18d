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
