import { describe, expect, it, vi } from 'vitest';
import { debounce, throttle } from './activity';

describe('throttle (for telling the core the person is there)', () => {
  it('calls at most once per window', () => {
    let t = 0;
    const fn = vi.fn();
    const touch = throttle(fn, 30_000, () => t);
    touch();
    touch();
    t = 29_999;
    touch();
    expect(fn).toHaveBeenCalledTimes(1);
    t = 30_000;
    touch();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe('debounce', () => {
  it('waits for quiet, then calls once with the last arguments', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const { trigger, cancel } = debounce(fn, 300);
    trigger('a');
    trigger('ab');
    vi.advanceTimersByTime(299);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledWith('ab');
    trigger('x');
    cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
  });
});
