// Plain words for numbers and dates. Numbers say what happened, never how well.
import type { Level } from './ipc/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "1 move", "3 moves". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a week held, said as what happened: "3 moves this week". */
export function movesThisWeek(n: number): string {
  return n === 0 ? 'A quiet week so far' : `${count(n, 'move', 'moves')} this week`;
}

/** Today's line under the offer. Nothing shown as a shortfall. */
export function todaySummary(moves: number, noticed: number): string {
  if (moves === 0 && noticed === 0) return 'Anything counts today, even noticing.';
  const parts: string[] = [];
  if (moves > 0) parts.push(moves === 1 ? 'You moved today' : `You moved ${moves} times today`);
  if (noticed > 0) parts.push(`you noticed ${count(noticed, 'thing', 'things')}`);
  const text = parts.join(', and ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function parseDay(day: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return null;
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** "2026-11-16" → "16 Nov". */
export function shortDay(day: string): string {
  const p = parseDay(day);
  if (!p) return day;
  return `${p.d} ${MONTHS[p.m - 1] ?? ''}`.trim();
}

/** "2026-11-16" → "Mon 16 Nov" (weekday from the calendar date itself, no time zone). */
export function longDay(day: string): string {
  const p = parseDay(day);
  if (!p) return day;
  const weekday = WEEKDAYS[new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay()];
  return `${weekday} ${p.d} ${MONTHS[p.m - 1]}`;
}

/** An RFC 3339 time as the person saw it (its own offset): "Mon 16 Nov, 09:05". */
export function when(at: string): string {
  const time = /T(\d{2}):(\d{2})/.exec(at);
  const day = longDay(at);
  return time ? `${day}, ${time[1]}:${time[2]}` : day;
}

/** 9 → "09:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The groups of a recovery code, however it is spaced or dashed. */
export function codeGroups(code: string): string[] {
  return code.trim().split(/[\s-]+/).filter(Boolean);
}

/** True when `typed` is the last group of `code` (case and spaces forgiven). */
export function isLastGroup(code: string, typed: string): boolean {
  const last = codeGroups(code).at(-1);
  return !!last && typed.trim().replace(/[\s-]+/g, '').toUpperCase() === last.toUpperCase();
}

export const LEVELS: { value: Level; label: string }[] = [
  { value: 'low', label: 'Low' },
  { value: 'some', label: 'Some' },
  { value: 'good', label: 'Good' },
];

/** How it felt after, 0..=4. */
export const FELT = ['Not much', 'A little', 'Okay', 'Good', 'Really good'];
/** How heavy it felt before, 0..=4. */
export const HEAVY = ['Light', 'A little heavy', 'Somewhat heavy', 'Heavy', 'Very heavy'];

/** A value's strength (0..1) in words, gentle at every level. */
export function strengthWord(strength: number): string {
  if (strength < 0.2) return 'resting';
  if (strength < 0.45) return 'stirring';
  if (strength < 0.7) return 'warming';
  return 'glowing';
}

/** An average 0..=4 feeling, one decimal, or a dash when there was none. */
export function feelingNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : (Math.round(value * 10) / 10).toString();
}

/** Seconds to wait, in words: "a few seconds", "about 2 minutes". */
export function waitWords(seconds: number): string {
  if (seconds <= 0) return 'now';
  if (seconds < 60) return count(seconds, 'second', 'seconds');
  const minutes = Math.ceil(seconds / 60);
  return `about ${count(minutes, 'minute', 'minutes')}`;
}

/** The rest reason under the "Rest counts." heading, without saying it twice. */
export function restWords(reason: string): string {
  const rest = reason.replace(/\s*Rest counts\.?\s*/gi, ' ').trim();
  return rest || 'Nothing more is needed today.';
}
