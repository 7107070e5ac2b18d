// Plain words for numbers and dates. Numbers say what happened, never how well.
import type { Instrument, SessionKind, SessionSetting } from './ipc/types';


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

/** The person's locale (the webview's language), for every date Thaw shows: one format
 * everywhere, the one their device uses (the date fields in forms follow it too). */
export const LOCALE: string | undefined = usableLocale(typeof navigator === 'undefined' ? undefined : navigator.language);

/** `tag` when Intl can use it, else undefined (Intl's own default): a webview started without a
 * proper locale (LANG=C under a test display, say) reports tags such as "c" that Intl refuses. */
export function usableLocale(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length ? tag : undefined;
  } catch {
    return undefined;
  }
}

// A calendar day is formatted as UTC midnight in UTC, so no time zone can move it a day.
function dayFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): (p: { y: number; m: number; d: number }) => string {
  const f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (p) => f.format(new Date(Date.UTC(p.y, p.m - 1, p.d)));
}

/** "2026-11-16" → "16 Nov" (en-GB), "Nov 16" (en-US): for chart labels. */
export function shortDay(day: string, locale = LOCALE): string {
  const p = parseDay(day);
  return p ? dayFormat(locale, { day: 'numeric', month: 'short' })(p) : day;
}

/** "2026-11-16" → "Mon 16 Nov" (en-GB), "Mon, Nov 16" (en-US): the weekday from the calendar
 * date itself. */
export function longDay(day: string, locale = LOCALE): string {
  const p = parseDay(day);
  return p ? dayFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' })(p) : day;
}

/** An RFC 3339 time as the person saw it (its own offset): "Mon 16 Nov, 9:05" (en-GB),
 * "Mon, Nov 16, 9:05 AM" (en-US). With `thawDay` (the day the core says the moment belongs
 * to, turning at 04:00) the date is that day and the clock stays the true time: a step at
 * 02:29 on Monday reads "Sun 15 Nov, 2:29", the date Today showed for it. */
export function when(at: string, locale = LOCALE, thawDay?: string): string {
  const time = /T(\d{2}):(\d{2})/.exec(at);
  const day = longDay(thawDay ?? at, locale);
  if (!time) return day;
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, 0, 1, Number(time[1]), Number(time[2]))),
  );
  return `${day}, ${clock}`;
}

/** 9 → "09:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The groups of a recovery code, however it is spaced or dashed. */
export function codeGroups(code: string): string[] {
  return code.trim().split(/[\s-]+/).filter(Boolean);
}

/** A group as the code reads it: upper case, no spaces or dashes, and the look-alikes read as
 * unlocking reads them (thaw-store's `RecoveryCode::parse`: O is 0, I and L are 1). */
function groupAsRead(group: string): string {
  return group.replace(/[\s-]+/g, '').toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** True when `typed` is the last group of `code` (case, spaces and look-alikes forgiven). */
export function isLastGroup(code: string, typed: string): boolean {
  const last = codeGroups(code).at(-1);
  return !!last && groupAsRead(typed) === groupAsRead(last);
}

/** The line under "type its last group": how to find it, and once a whole group is typed,
 * whether it is the one. */
export function lastGroupHint(code: string, typed: string): string {
  if (isLastGroup(code, typed)) return 'That matches. Your code is yours now.';
  const last = codeGroups(code).at(-1) ?? '';
  if (last && groupAsRead(typed).length >= last.length) return 'That is not the last group yet. It is the part after the final dash.';
  return 'The last group is the part after the final dash.';
}

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

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The calendar day of a local Date: "2026-11-22". */
export function localDay(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local time of a Date: "09:05". */
export function localTime(d: Date = new Date()): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A UTC offset in minutes east (JS gives minutes west) as "+01:00" / "-05:00". */
export function offsetWords(minutesEast: number): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const m = Math.abs(minutesEast);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** A date and time input's values as RFC 3339 with the local offset at that moment. */
export function localIso(day: string, time: string): string {
  const [y, mo, d] = day.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const at = new Date(y ?? 1970, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  return `${day}T${pad(h ?? 0)}:${pad(mi ?? 0)}:00${offsetWords(-at.getTimezoneOffset())}`;
}

/** "2026-11-22" plus `n` days (negative goes back), by the calendar. */
export function addDays(day: string, n: number): string {
  const p = parseDay(day);
  if (!p) return day;
  const d = new Date(Date.UTC(p.y, p.m - 1, p.d + n));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Today's gentle line about the last treatment session. */
export function daysSinceSession(days: number): string {
  if (days <= 0) return 'Your last session was today.';
  return `${count(days, 'day', 'days')} since your last session.`;
}

export const SESSION_KINDS: { value: SessionKind; label: string }[] = [
  { value: 'iv', label: 'IV (into a vein)' },
  { value: 'im', label: 'IM (an injection)' },
  { value: 'intranasal', label: 'Intranasal (nasal spray)' },
  { value: 'oral_or_lozenge', label: 'Oral or lozenge' },
  { value: 'other', label: 'Other' },
];

export const SESSION_SETTINGS: { value: SessionSetting; label: string }[] = [
  { value: 'clinic', label: 'At the clinic' },
  { value: 'home', label: 'At home' },
];

export function sessionKindWords(kind: SessionKind): string {
  return SESSION_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export function sessionSettingWords(setting: SessionSetting): string {
  return SESSION_SETTINGS.find((s) => s.value === setting)?.label ?? setting;
}

export const INSTRUMENT_NAMES: Record<Instrument, string> = { phq9: 'PHQ-9', gad7: 'GAD-7' };
export const INSTRUMENT_ABOUT: Record<Instrument, string> = {
  phq9: 'Nine questions about mood over the last two weeks.',
  gad7: 'Seven questions about worry and tension over the last two weeks.',
};

/** The published answer options, 0..=3 (for history and the visit summary). */
export const ANSWER_WORDS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
