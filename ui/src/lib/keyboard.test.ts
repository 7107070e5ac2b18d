import { describe, expect, it } from 'vitest';
import { inSight, keyboardInset } from './keyboard';

describe('keeping the focused field in sight', () => {
  it('a field is in sight only when wholly inside the visible band', () => {
    const rect = (top: number, bottom: number) => ({ top, bottom }) as DOMRect;
    expect(inSight(rect(100, 200), 64, 400)).toBe(true);
    expect(inSight(rect(50, 200), 64, 400)).toBe(false); // under the header
    expect(inSight(rect(350, 450), 64, 400)).toBe(false); // under the keyboard or the bar
  });

  it('the keyboard inset is what the keyboard covers of the page, never negative', () => {
    expect(keyboardInset(740, 400, 0)).toBe(340); // iOS: the page stays, the keyboard covers it
    expect(keyboardInset(400, 400, 0)).toBe(0); // Android: the page itself shrank
    expect(keyboardInset(740, 400, 40)).toBe(300); // the visual viewport scrolled down
    expect(keyboardInset(740, 800, 0)).toBe(0);
  });
});
