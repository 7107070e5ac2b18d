import { describe, expect, it } from 'vitest';
import { CHECKIN_QUESTIONS, answerWords } from './checkin';

describe('check-in answers', () => {
  it('are worded per question: no two questions share their answer words', () => {
    const sets = CHECKIN_QUESTIONS.map((q) => q.answers.map((a) => a.label).join('|'));
    expect(new Set(sets).size).toBe(CHECKIN_QUESTIONS.length);
    for (const q of CHECKIN_QUESTIONS) expect(q.answers.map((a) => a.value)).toEqual(['low', 'some', 'good']);
  });

  it('are never the bare levels Low / Some / Good (Today and onboarding both show these words)', () => {
    const labels = CHECKIN_QUESTIONS.flatMap((q) => q.answers.map((a) => a.label));
    for (const bare of ['Low', 'Some', 'Good']) expect(labels.filter((l) => l === bare).length).toBeLessThanOrEqual(1);
    for (const q of CHECKIN_QUESTIONS) expect(q.hint.length).toBeGreaterThan(0);
  });

  it('say the answer in the question’s own words', () => {
    expect(answerWords('mood', 'good')).toBe('Lighter');
    expect(answerWords('room', 'low')).toBe('Hardly any');
    expect(answerWords('energy', null)).toBe('Not said');
  });
});
