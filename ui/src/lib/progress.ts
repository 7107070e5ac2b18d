// Progress in words that are true of what happened: a value moved towards is never "resting",
// a step done is said in the past tense, feelings are said in the words the person chose them in.
import { FELT, HEAVY, count, strengthWord } from './format';
import type { EvidenceItem, FeelingWeek, StrengthPoint } from './ipc/types';

/**
 * A value's word lately. The strength measure rises slowly on purpose, so right after a first
 * move it can still be low: a value whose strength rose since the point before (or that has any
 * strength at all, when there is only one point) is at least "stirring", never "resting".
 */
export function valueWord(points: StrengthPoint[]): string {
  const last = points.at(-1)?.strength ?? 0;
  const before = points.at(-2)?.strength ?? 0;
  const word = strengthWord(last);
  return word === 'resting' && last > before ? 'stirring' : word;
}

/** One thing done, in the past tense: a step is quoted as it was offered (an imperative, so it
 * is not read as a to-do), an inside move as a moment taken. */
export function didWords(item: EvidenceItem): string {
  const text = item.text.trim();
  return item.inside ? `You took a moment inside: “${text}”` : `You did this: “${text}”`;
}

/** The nearest word for an average 0..=4 feeling. */
function nearest(words: string[], value: number): string {
  return words[Math.max(0, Math.min(words.length - 1, Math.round(value)))] ?? '';
}

/** How steps felt in a week, in the words of the two questions ("before" and "afterwards"),
 * or null for a week with neither. */
export function feltWords(week: FeelingWeek): string | null {
  const parts: string[] = [];
  if (week.dread_before !== null) parts.push(`before, ${nearest(HEAVY, week.dread_before).toLowerCase()}`);
  if (week.satisfaction_after !== null) parts.push(`afterwards, ${nearest(FELT, week.satisfaction_after).toLowerCase()}`);
  return parts.length ? `Mostly ${parts.join('; ')}.` : null;
}

/** The return marker, or null when there is nothing worth saying (under a day). Thaw never
 * times how fast someone starts a step: that reads as being watched. */
export function returnWords(days: number | null): string | null {
  if (days === null || Math.round(days) < 1) return null;
  return `After a quiet spell, you came back within about ${count(Math.round(days), 'day', 'days')}.`;
}
