// The check-in's three questions, each with answers in its own words ("Some" mood or "Good"
// room read oddly). One home for Today's check-in and the optional one at the end of onboarding;
// the core receives only the level (low / some / good).
import type { CheckInInput, Level } from './ipc/types';

export interface CheckInQuestion {
  key: keyof CheckInInput;
  /** A short label, for a question shown inline beside others. */
  label: string;
  /** The question on its own. */
  title: string;
  /** A gentle word under the question on its own. */
  hint: string;
  answers: { value: Level; label: string }[];
}

export const CHECKIN_QUESTIONS: CheckInQuestion[] = [
  {
    key: 'energy',
    label: 'Energy right now',
    title: 'How is your energy right now?',
    hint: 'Any answer is fine.',
    answers: [
      { value: 'low', label: 'Very little' },
      { value: 'some', label: 'Some' },
      { value: 'good', label: 'Plenty' },
    ],
  },
  {
    key: 'mood',
    label: 'Mood',
    title: 'And your mood?',
    hint: 'Just roughly.',
    answers: [
      { value: 'low', label: 'Heavy' },
      { value: 'some', label: 'In between' },
      { value: 'good', label: 'Lighter' },
    ],
  },
  {
    key: 'room',
    label: 'Room in today',
    title: 'How much room does today have?',
    hint: 'Time, obligations, people around.',
    answers: [
      { value: 'low', label: 'Hardly any' },
      { value: 'some', label: 'A little' },
      { value: 'good', label: 'Quite a lot' },
    ],
  },
];

/** The words a question's answer is shown in. */
export function answerWords(key: keyof CheckInInput, level: Level | null): string {
  if (level === null) return 'Not said';
  return CHECKIN_QUESTIONS.find((q) => q.key === key)?.answers.find((a) => a.value === level)?.label ?? level;
}
