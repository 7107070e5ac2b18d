import { describe, expect, it } from 'vitest';
import { labelEvery, lastN, niceMax, recentWeeks, scale, softPath, spread, stackedBars } from './chart';

const frame = { width: 300, height: 200, top: 20, right: 10, bottom: 30, left: 10 };

describe('chart scales', () => {
  it('rounds the top of an axis up to a friendly number', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-3)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(9)).toBe(10);
    expect(niceMax(11)).toBe(12);
    expect(niceMax(13)).toBe(15);
    expect(niceMax(41)).toBe(50);
    expect(niceMax(Number.NaN)).toBe(1);
  });

  it('maps linearly, and a flat domain to the start', () => {
    const y = scale(0, 4, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(4)).toBe(0);
    expect(y(2)).toBe(50);
    expect(scale(3, 3, 10, 20)(3)).toBe(10);
  });

  it('spreads points evenly, one in the middle', () => {
    expect(spread(0, 0, 10)).toEqual([]);
    expect(spread(1, 0, 10)).toEqual([5]);
    expect(spread(3, 0, 10)).toEqual([0, 5, 10]);
  });

  it('keeps the last n', () => {
    expect(lastN([1, 2, 3, 4], 2)).toEqual([3, 4]);
    expect(lastN([1], 5)).toEqual([1]);
  });
});

describe('stacked bars', () => {
  it('stacks inside on top of outside, within the frame', () => {
    const { bars, max } = stackedBars(
      [
        { inside: 1, outside: 2 },
        { inside: 0, outside: 0 },
        { inside: 4, outside: 4 },
      ],
      frame,
    );
    expect(max).toBe(8);
    const baseline = frame.height - frame.bottom;
    for (const b of bars) {
      expect(b.outside.y + b.outside.height).toBeCloseTo(baseline);
      expect(b.inside.y + b.inside.height).toBeCloseTo(b.outside.y);
      expect(b.inside.y).toBeGreaterThanOrEqual(frame.top - 1e-9);
      expect(b.x).toBeGreaterThanOrEqual(frame.left);
      expect(b.x + b.width).toBeLessThanOrEqual(frame.width - frame.right + 1e-9);
    }
    expect(bars[2]!.inside.y).toBeCloseTo(frame.top);
    expect(bars[1]!.total).toBe(0);
    expect(bars[1]!.outside.height).toBe(0);
    // Heights are proportional to the counts.
    expect(bars[0]!.outside.height).toBeCloseTo(bars[0]!.inside.height * 2);
  });

  it('draws nothing odd for no weeks', () => {
    expect(stackedBars([], frame)).toEqual({ bars: [], max: 1 });
  });
});

describe('soft lines', () => {
  it('starts at the first point and ends at the last', () => {
    const d = softPath([
      [0, 10],
      [50, 0],
      [100, 5],
    ]);
    expect(d.startsWith('M0 10')).toBe(true);
    expect(d.endsWith('100 5')).toBe(true);
    expect(d.match(/C/g)).toHaveLength(2);
  });

  it('never curves beyond the heights of its points (no overshoot)', () => {
    const d = softPath([
      [0, 0],
      [10, 100],
      [20, 0],
    ]);
    const ys = [...d.matchAll(/(-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[2]));
    for (const y of ys) expect(y >= 0 && y <= 100).toBe(true);
  });

  it('is empty for no points', () => {
    expect(softPath([])).toBe('');
  });
});

describe('which weeks to draw', () => {
  const w = (n: number) => ({ inside: 0, outside: n });
  it('skips empty weeks before the first move, keeping at least four', () => {
    expect(recentWeeks([w(0), w(0), w(0), w(0), w(0), w(0), w(0), w(2)])).toHaveLength(4);
    expect(recentWeeks([w(0), w(1), w(0), w(0), w(0), w(0), w(0), w(2)])).toHaveLength(7);
    expect(recentWeeks([w(0), w(0)])).toHaveLength(2);
    expect(recentWeeks(Array.from({ length: 20 }, () => w(1)))).toHaveLength(8);
  });

  it('labels every bar when few, every other when many', () => {
    expect(labelEvery(4)).toBe(1);
    expect(labelEvery(8)).toBe(2);
  });
});
