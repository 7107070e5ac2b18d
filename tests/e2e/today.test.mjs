// Today, as a tired person meets it: after each response exactly one message, the core's, true
// of what is on screen, and no sentence twice. Done, Started, Something else, Smaller please
// (twice), Not now (twice), "I have a moment" on a rest day, a skipped check-in, and the step
// whose movement was put away, through the real app and its real encrypted store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Desktop, PHONE, DESKTOP, openApp, freshDataDir, removeDataDir } from './lib/harness.mjs';
import { atText200, click, evidence, onboard, textOf, waitH1 } from './lib/thaw.mjs';

let desktop;
let driver;
let session;
const dirs = [];

before(async () => {
  desktop = await Desktop.start();
  driver = await desktop.driver();
});

after(async () => {
  await desktop?.stop();
  for (const dir of dirs) removeDataDir(dir);
});

async function open(label) {
  const dir = freshDataDir(label);
  dirs.push(dir);
  session = await openApp(driver, dir, PHONE);
}

/** What Today shows once the answer has landed: the said line, the state and its own sentence. */
async function screen() {
  await session.waitFor(
    `() => !document.querySelector('[data-testid^="respond-"]:disabled, [data-testid="next-step"]:disabled') &&
           document.querySelector('[data-testid="offer"], [data-testid="next-step"], [data-testid="rest"], [data-testid="felt"]')`,
    20000,
    'Today to settle',
  );
  return session.execute(`
    const q = (s) => document.querySelector(s);
    const state = q('[data-testid="felt"]') ? 'felt' : q('[data-testid="offer"]') ? 'offer' : q('[data-testid="rest"]') ? 'rest' : 'between';
    const visible = Array.from(document.querySelectorAll('main h1, main p, main button, main summary'))
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.textContent.trim())
      .join('\\n');
    return {
      state,
      said: (q('[data-testid="said"]')?.textContent ?? '').trim(),
      reason: (q('[data-testid="offer-reason"]') ?? q('[data-testid="rest-reason"]'))?.textContent.trim() ?? '',
      seconds: Number(q('[data-testid="offer"]')?.getAttribute('data-seconds') ?? 0),
      visible,
    };`);
}

/** The screen as a tired person meets it: at 390×844, at 200 % text there (nothing off the
 * side, the bottom bar's words whole) and at 1280×800, each with axe, the touch targets, no
 * sentence twice and a screenshot. */
async function looks(name) {
  await evidence(session, name, { size: PHONE, theme: 'light' });
  await atText200(session, name, { size: PHONE, theme: 'light' });
  await session.setWindowSize(DESKTOP.width, DESKTOP.height);
  try {
    await session.waitFor(`() => innerWidth === ${DESKTOP.width}`, 10000, 'the desktop size');
    await evidence(session, name, { size: DESKTOP, theme: 'light' });
  } finally {
    await session.setWindowSize(PHONE.width, PHONE.height);
    await session.waitFor(`() => innerWidth === ${PHONE.width}`, 10000, 'the phone size');
  }
}

/** The step on screen: what it asks and for what. */
async function step() {
  return session.execute(`return {
    text: document.querySelector('[data-testid="offer-text"]')?.textContent.trim() ?? '',
    value: document.querySelector('[data-testid="offer"] .value')?.textContent.trim() ?? '',
  };`);
}

/** No sentence appears twice in what a person can read on the screen. */
function saidOnce(s) {
  const sentences = s.visible
    .split(/\n|(?<=[.?])\s+/)
    .map((x) => x.trim())
    .filter((x) => /[a-z]/i.test(x) && x.split(' ').length > 2);
  const seen = new Set();
  for (const x of sentences) {
    assert.ok(!seen.has(x), `said twice: "${x}" in\n${s.visible}`);
    seen.add(x);
  }
}

async function respond(which) {
  // As a keyboard or screen-reader user answers: the button has focus when pressed (WebKit
  // does not move focus to a button on a click, which would hide where focus goes next).
  await session.execute(`document.querySelector('[data-testid="respond-${which}"]').focus(); return true;`);
  await click(session, `[data-testid="respond-${which}"]`);
  const s = await screen();
  saidOnce(s);
  // Focus lands on the new content (its heading), never back on the page itself.
  await session.waitFor(`() => document.activeElement?.id === 'today-title'`, 5000, `focus on Today's heading after ${which}`);
  return s;
}

const TINY_AT_REST = 'Today is for resting. If you like, one tiny thing:';

async function nextStep() {
  await click(session, '[data-testid="next-step"]');
  const s = await screen();
  // Asking for a step says nothing of its own, unless the day has no step left (every one had
  // its turn): then the tiny thing that comes is said as such, once, above it.
  if (s.state === 'offer' && /^Only if you like; nothing more is asked of you today\.$/.test(s.reason)) assert.equal(s.said, TINY_AT_REST);
  else assert.equal(s.said, '', 'asking for a step says nothing of its own');
  saidOnce(s);
  return s;
}

test('each response gets one true message, said once', async () => {
  await open('today-messages');
  try {
    await messages();
  } finally {
    await session.quit();
  }
});

async function messages() {
  await onboard(session); // check-in skipped
  let s = await screen();
  // Skipped check-in: the step says it is sized without one, and nothing about energy.
  assert.equal(s.state, 'offer');
  assert.equal(s.said, '');
  assert.match(s.reason, /^Without a check-in/);
  assert.doesNotMatch(s.visible, /energy is low/i);

  // Done: the core's sentence heads "How did it feel?"; skipped, it is not said again.
  const done = await step();
  await click(session, '[data-testid="respond-done"]');
  await waitH1(session, /^You did it\. That counts\.$/);
  await looks('today-done');
  await click(session, '[data-testid="felt-skip"]');
  s = await screen();
  assert.equal(s.state, 'between', 'nothing is pushed after a Done');
  assert.equal(s.said, '');
  saidOnce(s);

  // Started. The step just done is not offered again today.
  s = await nextStep();
  assert.equal(s.state, 'offer');
  assert.notEqual((await step()).text, done.text, 'a step done today is not offered again today');
  s = await respond('started');
  assert.equal(s.said, 'You started, and starting counts.');
  assert.notEqual(s.state, 'offer', 'nothing is pushed after Started');

  await evidence(session, 'today-after-started', { size: PHONE, theme: 'light' });
}

test('Smaller please twice, then Something else', async () => {
  await open('today-smaller');
  try {
    await smaller();
  } finally {
    await session.quit();
  }
});

async function smaller() {
  await onboard(session);
  let s = await screen();
  assert.equal(s.state, 'offer');
  // Smaller please, twice: strictly smaller, said by the step itself, or rest said as such.
  // Smaller is the same thing made simpler (the same value; at the bottom the one breath), not a
  // new task.
  for (let i = 0; i < 2 && s.state === 'offer'; i++) {
    const before = s.seconds;
    const was = await step();
    s = await respond('smaller');
    // The first step is the smallest rung; smaller than it is one breath, never rest at once.
    if (i === 0) assert.equal(s.state, 'offer', 'the first Smaller please gives a smaller step');
    if (s.state === 'offer') {
      assert.equal(s.said, '');
      assert.match(s.reason, /^You asked for smaller/);
      assert.ok(s.seconds < before, `smaller: ${s.seconds}s after ${before}s`);
      const now = await step();
      assert.equal(now.value, was.value, 'smaller keeps to the same thing');
      assert.notEqual(now.text, was.text);
      if (s.seconds <= 10) assert.equal(now.text, 'Take one slow breath. That is all.', 'the smallest is one breath, no new task');
    } else {
      assert.equal(s.state, 'rest');
      assert.equal(s.said, 'That was the smallest step for today.');
      assert.match(s.reason, /Steps come back tomorrow\.$/);
    }
  }
  await looks('today-after-smaller');
  const rested = s.state === 'rest';
  if (rested) {
    // At rest after Smaller please: "I have a moment" still gives something, said as such.
    await click(session, '[data-testid="moment"]');
    await session.find('[data-testid="offer"]', 20000);
    s = await screen();
    saidOnce(s);
    assert.equal(s.said, TINY_AT_REST);
    assert.equal(s.reason, 'Only if you like; nothing more is asked of you today.');
    assert.ok(s.seconds <= 10, `breath-sized: ${s.seconds}s`);
  }
  // Something else: the new step's own sentence says so, or the rest does (with one movement,
  // every step has had its turn).
  if (!rested && s.state === 'offer') {
    s = await respond('else');
    assert.equal(s.said, '');
    if (s.state === 'offer') assert.match(s.reason, /^Here is something different/);
    else assert.equal(s.reason, 'Each of your steps has had its turn today. More come tomorrow.');
  }
  await evidence(session, 'today-after-else', { size: PHONE, theme: 'light' });
}

test('Not now twice, then "I have a moment" on the rest day', async () => {
  await open('today-not-now');
  try {
    await notNowThenMoment();
  } finally {
    await session.quit();
  }
});

async function notNowThenMoment() {
  await onboard(session);
  let s = await screen();
  assert.equal(s.state, 'offer');
  s = await respond('not-now');
  assert.equal(s.state, 'between', 'nothing is pushed after Not now');
  assert.equal(s.said, 'Not now is a real answer.');
  s = await nextStep();
  assert.equal(s.state, 'offer');
  s = await respond('not-now');
  assert.equal(s.state, 'rest');
  // The rest says it; the note does not say it again.
  assert.equal(s.said, '');
  assert.equal(s.reason, 'Not now is a real answer. Steps come back tomorrow.');
  await evidence(session, 'today-rest', { size: PHONE, theme: 'light' });

  // "I have a moment" still gives something that fits, said as such.
  await click(session, '[data-testid="moment"]');
  await session.find('[data-testid="offer"]', 20000);
  s = await screen();
  saidOnce(s);
  // Said once, above the step it introduces; the step's own line says only that it is optional.
  assert.equal(s.said, TINY_AT_REST);
  assert.equal(s.reason, 'Only if you like; nothing more is asked of you today.');
  assert.ok(s.seconds <= 10, `breath-sized: ${s.seconds}s`);
  assert.match(await textOf(session, '[data-testid="offer-text"]'), /\S/);
  await looks('today-moment-at-rest');
}

test('a step whose movement is put away leaves Today; what Today says then is true of it', async () => {
  await open('today-put-away');
  try {
    await putAway();
  } finally {
    await session.quit();
  }
});

async function putAway() {
  await onboard(session); // one value, one movement
  const was = await step();
  assert.ok(was.text);
  await click(session, '[data-testid="tab-more"]');
  await click(session, '[data-testid="go-values"]');
  await waitH1(session, /What matters to you/);
  await click(session, '[data-testid="movement-put-away"]');
  await session.waitFor(`() => !document.querySelector('[data-testid="movement-put-away"]')`, 10000, 'the movement to be put away');

  await click(session, '[data-testid="tab-today"]');
  let s = await screen();
  assert.equal(s.state, 'rest', 'nothing is offered from a movement put away');
  assert.doesNotMatch(s.visible, new RegExp(was.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the put-away step is not on screen');
  // Nothing has been rested: the heading does not say rest, and the one line says what to do.
  const title = await waitH1(session, /\S/);
  assert.doesNotMatch(title, /rest/i, `the heading is true of a Today with nothing to offer yet ("${title}")`);
  assert.equal(s.reason, 'Add something you care about, and a first small step will wait here.');
  // (No sentence twice: evidence() reads the screen's own text.)
  await evidence(session, 'today-nothing-yet', { size: PHONE, theme: 'light' });

  // "I have a moment" does not bring it back either.
  await click(session, '[data-testid="moment"]');
  s = await screen();
  assert.equal(s.state, 'rest');
  assert.doesNotMatch(s.visible, new RegExp(was.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}
