import { describe, expect, it } from 'vitest';
import { didWords, feltWords, returnWords, valueWord } from './progress';

const at = '2026-11-16T09:05:00+01:00';

describe('progress in words that are true', () => {
  it('never calls a value moved towards "resting"', () => {
    expect(valueWord([{ day: '2026-11-15', strength: 0 }, { day: '2026-11-16', strength: 0.08 }])).toBe('stirring');
    expect(valueWord([{ day: '2026-11-16', strength: 0.05 }])).toBe('stirring');
    expect(valueWord([{ day: '2026-11-15', strength: 0.1 }, { day: '2026-11-16', strength: 0.09 }])).toBe('resting');
    expect(valueWord([])).toBe('resting');
    expect(valueWord([{ day: '2026-11-16', strength: 0.9 }])).toBe('glowing');
  });

  it('says things done in the past tense', () => {
    expect(didWords({ at, day: '2026-11-16', text: 'Put on your shoes.', value_words: null, inside: false })).toBe('You did this: “Put on your shoes.”');
    expect(didWords({ at, day: '2026-11-16', text: 'I thought about calling without dread', value_words: null, inside: true })).toBe(
      'You took a moment inside: “I thought about calling without dread”',
    );
  });

  it('says how steps felt in the words they were chosen in', () => {
    expect(feltWords({ week_start: '2026-11-16', dread_before: 1.2, satisfaction_after: 3 })).toBe('Mostly before, a little heavy; afterwards, good.');
    expect(feltWords({ week_start: '2026-11-16', dread_before: null, satisfaction_after: 4 })).toBe('Mostly afterwards, really good.');
    expect(feltWords({ week_start: '2026-11-16', dread_before: null, satisfaction_after: null })).toBeNull();
  });

  it('says nothing about returning under a day, and never times a start', () => {
    expect(returnWords(null)).toBeNull();
    expect(returnWords(0.2)).toBeNull();
    expect(returnWords(3)).toBe('After a quiet spell, you came back within about 3 days.');
  });
});
