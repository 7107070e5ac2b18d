import { describe, expect, it } from 'vitest';
import {
  codeGroups,
  count,
  feelingNumber,
  hourLabel,
  isLastGroup,
  lastGroupHint,
  longDay,
  movesThisWeek,
  shortDay,
  strengthWord,
  todaySummary,
  waitWords,
  when,
  offsetWords,
  localIso,
  addDays,
  daysSinceSession,
  localDay,
  localTime,
  usableLocale,
} from './format';

describe('numbers as what happened', () => {
  it('counts with the right word', () => {
    expect(count(1, 'move', 'moves')).toBe('1 move');
    expect(count(3, 'move', 'moves')).toBe('3 moves');
    expect(count(0, 'move', 'moves')).toBe('0 moves');
  });

  it('says a week plainly, and an empty one gently', () => {
    expect(movesThisWeek(3)).toBe('3 moves this week');
    expect(movesThisWeek(1)).toBe('1 move this week');
    expect(movesThisWeek(0)).toBe('A quiet week so far');
  });

  it("sums up today without a shortfall", () => {
    expect(todaySummary(0, 0)).toBe('Anything counts today, even noticing.');
    expect(todaySummary(1, 0)).toBe('You moved today.');
    expect(todaySummary(2, 1)).toBe('You moved 2 times today, and you noticed 1 thing.');
    expect(todaySummary(0, 2)).toBe('You noticed 2 things.');
  });

  it('never shows a percentage', () => {
    for (const s of [0, 0.1, 0.5, 0.99, 1]) expect(strengthWord(s)).not.toMatch(/%|\d/);
    expect(strengthWord(0)).toBe('resting');
    expect(strengthWord(0.9)).toBe('glowing');
  });

  it('rounds feelings to one decimal and shows a dash for none', () => {
    expect(feelingNumber(2.345)).toBe('2.3');
    expect(feelingNumber(null)).toBe('–');
    expect(feelingNumber(4)).toBe('4');
  });
});

describe('dates and times', () => {
  it('formats calendar days in the person’s locale, without time zones', () => {
    expect(shortDay('2026-11-16', 'en-GB')).toBe('16 Nov');
    expect(shortDay('2026-11-16', 'en-US')).toBe('Nov 16');
    expect(longDay('2026-11-22', 'en-GB')).toBe('Sun 22 Nov');
    expect(longDay('2026-11-22', 'en-US')).toBe('Sun, Nov 22');
    expect(longDay('2026-01-01', 'en-GB')).toBe('Thu 1 Jan');
    expect(longDay('2026-11-22', 'de-DE')).toBe('So., 22. Nov.');
    // A time's date part is the day it was written, whatever its offset.
    expect(longDay('2026-11-22T23:30:00-08:00', 'en-GB')).toBe('Sun 22 Nov');
  });

  it('falls back to Intl’s default for a locale it cannot use', () => {
    expect(usableLocale('en-GB')).toBe('en-GB');
    expect(usableLocale('c')).toBeUndefined();
    expect(usableLocale('')).toBeUndefined();
    expect(usableLocale('not a locale!')).toBeUndefined();
    expect(longDay('2026-11-22', usableLocale('c'))).toMatch(/22/);
  });

  it('shows a moment in its own offset, in the person’s locale', () => {
    expect(when('2026-11-16T09:05:00+01:00', 'en-GB')).toBe('Mon 16 Nov, 9:05');
    expect(when('2026-11-16T23:59:59-08:00', 'en-GB')).toBe('Mon 16 Nov, 23:59');
    expect(when('2026-11-16T09:05:00+01:00', 'en-US')).toBe('Mon, Nov 16, 9:05 AM');
  });

  it('dates a late-night moment by Thaw’s day and keeps its true clock time', () => {
    expect(when('2026-11-30T02:29:00+00:00', 'en-US', '2026-11-29')).toBe('Sun, Nov 29, 2:29 AM');
    expect(when('2026-11-30T02:29:00+00:00', 'en-GB', '2026-11-29')).toBe('Sun 29 Nov, 2:29');
  });

  it('labels hours', () => {
    expect(hourLabel(9)).toBe('09:00');
    expect(hourLabel(21)).toBe('21:00');
  });

  it('says a wait in words', () => {
    expect(waitWords(0)).toBe('now');
    expect(waitWords(1)).toBe('1 second');
    expect(waitWords(30)).toBe('30 seconds');
    expect(waitWords(61)).toBe('about 2 minutes');
  });
});

describe('the recovery code check', () => {
  it('finds the groups however the code is spaced', () => {
    expect(codeGroups('ABCD-EFGH-IJKL')).toEqual(['ABCD', 'EFGH', 'IJKL']);
    expect(codeGroups(' abcd efgh ')).toEqual(['abcd', 'efgh']);
  });

  it('accepts the last group, forgiving case and spaces', () => {
    expect(isLastGroup('ABCD-EFGH-IJKL', 'IJKL')).toBe(true);
    expect(isLastGroup('ABCD-EFGH-IJKL', ' ijkl ')).toBe(true);
    expect(isLastGroup('ABCD-EFGH-IJKL', 'EFGH')).toBe(false);
    expect(isLastGroup('ABCD-EFGH-IJKL', '')).toBe(false);
    expect(isLastGroup('', '')).toBe(false);
  });

  it('forgives the look-alikes the code itself forgives when it is used (O for 0, I and L for 1)', () => {
    // Thaw's codes are Crockford base32: no O, I or L, and unlocking reads them as 0 and 1.
    expect(isLastGroup('QW9N-2HBH-A7B0', 'A7BO')).toBe(true);
    expect(isLastGroup('QW9N-2HBH-51X1', '5IXl')).toBe(true);
    expect(isLastGroup('QW9N-2HBH-A7B0', 'A7B8')).toBe(false);
  });

  it('says when a whole group is typed and it is not the last one, and when it matches', () => {
    const code = 'QW9N-2HBH-A7BX';
    expect(lastGroupHint(code, '')).toBe('The last group is the part after the final dash.');
    expect(lastGroupHint(code, 'A7')).toBe('The last group is the part after the final dash.');
    expect(lastGroupHint(code, 'ZZZZ')).toBe('That is not the last group yet. It is the part after the final dash.');
    expect(lastGroupHint(code, '2HBH')).toBe('That is not the last group yet. It is the part after the final dash.');
    expect(lastGroupHint(code, 'a7bx')).toBe('That matches. Your code is yours now.');
  });
});

describe('dates for sessions and the visit summary', () => {
  it('writes offsets as RFC 3339 wants them', () => {
    expect(offsetWords(60)).toBe('+01:00');
    expect(offsetWords(-300)).toBe('-05:00');
    expect(offsetWords(330)).toBe('+05:30');
    expect(offsetWords(0)).toBe('+00:00');
  });

  it('turns a date and time input into a time with an offset', () => {
    expect(localIso('2026-11-22', '09:05')).toMatch(/^2026-11-22T09:05:00[+-]\d{2}:\d{2}$/);
  });

  it('counts calendar days across months and years', () => {
    expect(addDays('2026-11-22', -30)).toBe('2026-10-23');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('says days since a session gently', () => {
    expect(daysSinceSession(0)).toBe('Your last session was today.');
    expect(daysSinceSession(1)).toBe('1 day since your last session.');
    expect(daysSinceSession(4)).toBe('4 days since your last session.');
  });

  it('gives a local day and time', () => {
    const d = new Date(2026, 10, 2, 7, 3);
    expect(localDay(d)).toBe('2026-11-02');
    expect(localTime(d)).toBe('07:03');
  });
});
