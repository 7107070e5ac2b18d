// One day everywhere on screen, used in the small hours by a tired newcomer (issue 14). The app
// runs with its clock's time zone chosen so that it is between 02:00 and 03:00 there right now:
// Thaw's day (it turns at 04:00) is then the calendar day before. A step done now is dated on
// Progress by the day Today showed, with its true clock time; the visit summary's period ends on
// that day. The step card says its size once; the crisis sheet says each number once; the
// recovery code's error ends once. Photographed at 390×844 in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Desktop, PHONE, openApp, freshDataDir, removeDataDir, saveScreenshot } from './lib/harness.mjs';
import { click, type, textOf, waitText, waitDialog, waitH1, onboard, assertNoSentenceTwice } from './lib/thaw.mjs';

/** The offset (hours east of UTC) that makes it 02:xx now, and a POSIX TZ for it. */
function nightZone(now = new Date()) {
  let east = 2 - now.getUTCHours();
  if (east < -12) east += 24;
  // The IANA names both the core (chrono) and the webview (ICU) read; their sign is POSIX's,
  // west of UTC: "Etc/GMT+3" is three hours behind.
  const tz = east === 0 ? 'Etc/GMT' : `Etc/GMT${east > 0 ? '-' : '+'}${Math.abs(east)}`;
  const local = new Date(now.getTime() + east * 3600_000);
  const iso = (d) => d.toISOString().slice(0, 10);
  const calendar = iso(local);
  const thawDay = iso(new Date(local.getTime() - 24 * 3600_000));
  return { tz, east, calendar, thawDay, hour: local.getUTCHours() };
}

/** "2026-11-29" and `n` days. */
function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const night = nightZone();
let desktop;
let light;
let dark;
let dataDir;
let session;

before(async () => {
  assert.equal(night.hour, 2, 'the chosen zone puts the app between 02:00 and 03:00');
  desktop = await Desktop.start();
  light = await desktop.driver({ TZ: night.tz });
  dark = await desktop.driver({ TZ: night.tz, GTK_THEME: 'Adwaita:dark' });
  dataDir = freshDataDir('oneday');
});

after(async () => {
  await session?.quit();
  await desktop?.stop();
  if (dataDir) removeDataDir(dataDir);
});

/** The size phrases Thaw says ("about 30 seconds", "a few seconds", "about a minute"). */
const SIZE = /\b(?:about (?:\d+|a|an) (?:seconds?|minutes?|hours?)|a few seconds)\b/gi;
/** Any length named, in Thaw's words or a step's own ("just for ten seconds"). */
const LENGTH = /\b(?:seconds?|minutes?|hours?)\b/gi;

/** Scrolls Progress to "Things you did", for the photograph. */
async function showThingsDone() {
  await session.execute(`document.querySelector('#did-h').scrollIntoView({ block: 'start' }); return true;`);
  await new Promise((r) => setTimeout(r, 200));
}

async function todayEyebrow() {
  return (await textOf(session, '.eyebrow')).trim();
}

test('at 02:00 the app lives in the evening before, as Today says', async () => {
  session = await openApp(light, dataDir, PHONE);
  assert.equal(
    await session.execute('return new Date().getHours();'),
    2,
    `the app's clock runs in ${night.tz} (two in the morning)`,
  );
  await onboard(session);
  const today = await todayEyebrow();
  assert.match(today, new RegExp(`\\b${Number(night.thawDay.slice(8))}\\b`), `Today shows Thaw's day (${night.thawDay}): "${today}"`);
});

test('the step card says its size once, and keeps its reason', async () => {
  const card = (await textOf(session, '[data-testid="offer"]')).replace(/How heavy does it feel\?[\s\S]*$/, '');
  const sizes = card.match(SIZE) ?? [];
  assert.ok(sizes.length <= 1, `the size is said ${sizes.length} times on the step card:\n${card}`);
  // Counting the step's own words too: a step that names its length ("…, just for ten
  // seconds.") is not sized again by its reason or a size line.
  const lengths = card.match(LENGTH) ?? [];
  assert.equal(lengths.length, 1, `the step's length is said ${lengths.length} times on the step card:\n${card}`);
  const reason = (await textOf(session, '[data-testid="offer-reason"]')).trim();
  assert.match(reason, /\.$/, 'the reason is a whole sentence');
  await assertNoSentenceTwice(session, 'step card');
  await saveScreenshot(session, 'oneday-step-card-phone-light');
});

test('a step done at two in the morning is dated on Progress by the day Today showed', async () => {
  const today = await todayEyebrow();
  const step = (await textOf(session, '[data-testid="offer-text"]')).trim();
  await click(session, '[data-testid="respond-done"]');
  await waitText(session, '[data-testid="said"]', /\S/);
  await saveScreenshot(session, 'oneday-today-night-phone-light');
  await click(session, '[data-testid="tab-progress"]');
  await waitH1(session, /What you have done/);
  await session.find('[data-testid="evidence"]', 20000);
  const items = await session.execute(
    `return [...document.querySelectorAll('[data-testid="evidence"] li')].map((li) => li.innerText);`,
  );
  const mine = items.find((t) => t.includes(step));
  assert.ok(mine, `the step done is listed: ${JSON.stringify(items)}`);
  const meta = mine.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
  assert.ok(meta.startsWith(today), `Progress dates it "${meta}", Today called the day "${today}"`);
  // The clock beside it stays the true time: two in the morning.
  assert.match(meta, /\b0?2:\d{2}\b/, `the time shown is the clock time: "${meta}"`);
  await assertNoSentenceTwice(session, 'progress');
  await showThingsDone();
  await saveScreenshot(session, 'oneday-progress-night-phone-light');
});

test('the visit summary ends on Thaw\'s day, not the calendar date', async () => {
  await click(session, '[data-testid="tab-more"]');
  await click(session, '[data-testid="go-summary"]');
  await waitH1(session, /summary/i);
  await session.waitFor(
    `() => document.querySelector('#summary-to')?.value !== ''`,
    20000,
    'the period to be set',
  );
  const to = await session.execute(`return document.querySelector('#summary-to').value;`);
  const from = await session.execute(`return document.querySelector('#summary-from').value;`);
  assert.equal(to, night.thawDay, `"To" is Thaw's day (the calendar says ${night.calendar})`);
  assert.equal(from, addDays(night.thawDay, -29), '"From" is 30 days back from it');
  await click(session, '[data-testid="preset-14"]');
  await session.waitFor(
    `() => document.querySelector('#summary-from')?.value === ${JSON.stringify(addDays(night.thawDay, -13))}`,
    20000,
    'the two-week period',
  );
  assert.equal(await session.execute(`return document.querySelector('#summary-to').value;`), night.thawDay);
});

test('the crisis sheet says each number once', async () => {
  await click(session, '[data-testid="crisis-open"]');
  await waitDialog(session, 'crisis');
  await session.find('[data-testid="reach-text-741741"]', 20000);
  try {
    await crisisSaysEachOnce();
  } finally {
    await click(session, '#crisis .close');
    await session.waitFor(`() => !document.querySelector('dialog#crisis[open]')`, 10000, 'the sheet to close');
  }
});

async function crisisSaysEachOnce() {
  const rows = await session.execute(
    `return [...document.querySelectorAll('#crisis ul.numbers > li')].map((li) => ({
       text: li.innerText,
       buttons: [...li.querySelectorAll('button')].map((b) => b.innerText.trim()),
       line: li.querySelector(':scope > .soft')?.innerText ?? '',
     }));`,
  );
  assert.ok(rows.length >= 3, JSON.stringify(rows));
  const sheet = await session.execute(`return document.querySelector('#crisis').innerText;`);
  for (const row of rows) {
    for (const label of row.buttons) {
      const said = sheet.toLowerCase().split(label.toLowerCase()).length - 1;
      assert.equal(said, 1, `"${label}" is said ${said} times on the crisis sheet:\n${sheet}`);
    }
    // The line under the buttons says something they do not: not the number again.
    assert.ok(row.line, `each line has its sentence:\n${row.text}`);
    for (const n of ['988', '741741', '911']) {
      if (row.buttons.some((b) => b.includes(n))) {
        assert.ok(!row.line.includes(n), `the row for ${n} says its number again under its buttons:\n${row.text}`);
      }
    }
  }
  await assertNoSentenceTwice(session, 'crisis sheet');
  await saveScreenshot(session, 'oneday-crisis-phone-light');
}

test('a recovery code that is not one gets an error that ends once', async () => {
  await click(session, '[data-testid="tab-more"]');
  await click(session, '[data-testid="lock"]');
  await waitH1(session, /Welcome back/);
  await click(session, '[data-testid="use-recovery"]');
  await waitH1(session, /Use your recovery code/);
  await type(session, '#recovery-code', 'not a code');
  await type(session, '#recovery-new', 'amber kettle wander ninety');
  await type(session, '#recovery-again', 'amber kettle wander ninety');
  await session.waitFor(`() => !document.querySelector('[data-testid="recover"]').disabled`, 20000, 'Open Thaw to be ready');
  await click(session, '[data-testid="recover"]');
  const message = (await waitText(session, '[data-testid="unlock-error"]', /recovery code/)).trim();
  assert.ok(!/\.\.|…\./.test(message), `the error ends once: "${message}"`);
  assert.match(message, /[^.…]\.$/, `the error ends in one full stop: "${message}"`);
});

test('at night, in dark: Today, the step card, Progress and the crisis sheet', async () => {
  await session.quit();
  session = await openApp(dark, dataDir, PHONE);
  await waitH1(session, /Welcome back/);
  await type(session, '#unlock-passphrase', 'quiet river lamp seventeen');
  await click(session, '[data-testid="unlock"]');
  await waitH1(session, /One small step|Rest counts|How is your energy|Whenever you are ready/, 30000);
  assert.equal(await session.execute(`return matchMedia('(prefers-color-scheme: dark)').matches;`), true);
  await saveScreenshot(session, 'oneday-today-night-phone-dark');
  if (await session.execute(`return !!document.querySelector('[data-testid="next-step"]');`)) {
    await click(session, '[data-testid="next-step"]');
    await session.waitFor(
      `() => !!document.querySelector('[data-testid="offer"], [data-testid="rest-reason"]')`,
      20000,
      'a step or a rest',
    );
  }
  if (await session.execute(`return !!document.querySelector('[data-testid="offer"]');`)) {
    await saveScreenshot(session, 'oneday-step-card-phone-dark');
  }
  await click(session, '[data-testid="tab-progress"]');
  await session.find('[data-testid="evidence"]', 20000);
  await showThingsDone();
  await saveScreenshot(session, 'oneday-progress-night-phone-dark');
  await click(session, '[data-testid="crisis-open"]');
  await waitDialog(session, 'crisis');
  await session.find('[data-testid="reach-text-741741"]', 20000);
  await saveScreenshot(session, 'oneday-crisis-phone-dark');
});
