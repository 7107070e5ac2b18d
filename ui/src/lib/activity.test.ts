import { describe, expect, it, vi } from 'vitest';
import { debounce, presence, throttle } from './activity';

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

describe('presence (auto-lock counts from the last keystroke)', () => {
  it('tells at once, then at most once a window, and once more after the last activity', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const touch = presence(fn, 30_000, 1_000, () => Date.now());
    touch();
    expect(fn).toHaveBeenCalledTimes(1);
    // Typing for 20 seconds: nothing more within the window...
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(1_000 - 1);
      touch();
    }
    expect(fn).toHaveBeenCalledTimes(1);
    // ...but once the typing stops, the last keystroke is told within a second.
    vi.advanceTimersByTime(999);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
    // Quiet afterwards: nothing more.
    vi.advanceTimersByTime(120_000);
    expect(fn).toHaveBeenCalledTimes(2);
    // A later keystroke outside the window is told at once, and alone.
    touch();
    expect(fn).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(5_000);
    expect(fn).toHaveBeenCalledTimes(3);
    vi.useRealTimers();
  });
});
