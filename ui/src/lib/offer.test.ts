import { describe, expect, it } from 'vitest';
import { sizeLine } from './offer';

describe('a step says its size once', () => {
  it('leaves the size to the reason when the reason says it', () => {
    expect(sizeLine({ size_in_text: false, size_words: 'about 30 seconds', reason: 'You said energy is low, so this one takes about 30 seconds.' })).toBeNull();
    expect(sizeLine({ size_in_text: false, size_words: 'about 2 minutes', reason: 'Without a check-in, this is sized to a usual day for you: about 2 minutes.' })).toBeNull();
    expect(sizeLine({ size_in_text: false, size_words: 'a few seconds', reason: 'You asked for smaller, so this is just one breath.' })).toBeNull();
  });

  it('leaves the size to the step when its own words name its length', () => {
    expect(sizeLine({ size_in_text: true, size_words: 'about 10 seconds', reason: 'Without a check-in, we start small.' })).toBeNull();
  });

  it('shows the size when the reason does not say it', () => {
    expect(sizeLine({ size_in_text: false, size_words: 'about a minute', reason: 'Only if you like; nothing more is asked of you today.' })).toBe('About a minute');
  });
});
