// Pure geometry for the hand-drawn SVG charts: scales, bars and lines.

/** A round top for an axis: 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, … ≥ `max`. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) return 1;
  const steps = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of steps) {
    const candidate = Math.round(step * magnitude * 1000) / 1000;
    if (candidate >= max && Number.isInteger(candidate)) return candidate;
  }
  return Math.ceil(max);
}

/** A linear map from [d0, d1] to [r0, r1]; a flat domain maps to r0. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface StackedBar {
  x: number;
  width: number;
  /** Bottom segment (outside moves). */
  outside: { y: number; height: number };
  /** Top segment (inside moves), stacked on the outside one. */
  inside: { y: number; height: number };
  total: number;
  /** Centre of the bar, for labels. */
  cx: number;
}

/** Stacked bars, outside at the bottom and inside on top, in a frame. */
export function stackedBars(
  weeks: { inside: number; outside: number }[],
  frame: Frame,
): { bars: StackedBar[]; max: number } {
  const max = niceMax(Math.max(0, ...weeks.map((w) => w.inside + w.outside)));
  const plotW = frame.width - frame.left - frame.right;
  const baseline = frame.height - frame.bottom;
  const y = scale(0, max, baseline, frame.top);
  const slot = weeks.length ? plotW / weeks.length : plotW;
  const barW = Math.max(4, Math.min(44, slot * 0.62));
  const bars = weeks.map((w, i) => {
    const x = frame.left + slot * i + (slot - barW) / 2;
    const outsideTop = y(w.outside);
    const insideTop = y(w.outside + w.inside);
    return {
      x,
      width: barW,
      outside: { y: outsideTop, height: baseline - outsideTop },
      inside: { y: insideTop, height: outsideTop - insideTop },
      total: w.inside + w.outside,
      cx: x + barW / 2,
    };
  });
  return { bars, max };
}

/** An SVG path through points, with gentle curves between them. */
export function softPath(points: [number, number][]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${r(first[0])} ${r(first[1])}`;
  let prev = first;
  for (const p of rest) {
    const midX = (prev[0] + p[0]) / 2;
    // A cubic with horizontal tangents never overshoots the two points' heights.
    d += ` C${r(midX)} ${r(prev[1])} ${r(midX)} ${r(p[1])} ${r(p[0])} ${r(p[1])}`;
    prev = p;
  }
  return d;
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Positions of `n` items spread across [from, to] (one item sits in the middle). */
export function spread(n: number, from: number, to: number): number[] {
  if (n <= 0) return [];
  if (n === 1) return [(from + to) / 2];
  const step = (to - from) / (n - 1);
  return Array.from({ length: n }, (_, i) => from + step * i);
}

/** The last `n` items (charts show recent weeks). */
export function lastN<T>(items: T[], n: number): T[] {
  return items.slice(Math.max(0, items.length - n));
}

/**
 * The weeks worth drawing: the last eight, without the empty weeks before the first move
 * (a new person sees their own start, not a row of blanks), but at least four.
 */
export function recentWeeks<T extends { inside: number; outside: number }>(weeks: T[], most = 8, least = 4): T[] {
  const recent = lastN(weeks, most);
  const first = recent.findIndex((w) => w.inside + w.outside > 0);
  if (first < 0) return lastN(recent, least);
  return recent.slice(Math.min(first, Math.max(0, recent.length - least)));
}

/** Label every n-th bar (counting back from the newest) so labels never crowd: 1 for up to 4 bars, else 2. */
export function labelEvery(bars: number): number {
  return bars <= 4 ? 1 : 2;
}
