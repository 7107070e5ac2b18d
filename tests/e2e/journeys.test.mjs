// The gentle UI, driven through the real app: a first run to a first step done, "Smaller
// please", a Done that shows up in Progress, lock and unlock, a wrong passphrase, and backup then
// restore into a fresh data folder. Every screen is checked with axe inside the webview and
// photographed at phone and desktop size, in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chooseInDialog } from './lib/file_dialog.mjs';
import { Desktop, PHONE, DESKTOP, SMALL_PHONE, openApp, freshDataDir, removeDataDir } from './lib/harness.mjs';
import {
  PASSPHRASE,
  VALUE_WORDS,
  click,
  invoke,
  type,
  textOf,
  waitText,
  waitEnabled,
  waitDialog,
  evidence,
  waitH1,
  tapCount,
  TAPS_TO_FIRST_STEP,
  atText200,
} from './lib/thaw.mjs';

let desktop;
let light;
let dark;
const dirs = [];
function dataDir(label) {
  const dir = freshDataDir(label);
  dirs.push(dir);
  return dir;
}

before(async () => {
  desktop = await Desktop.start();
  light = await desktop.driver();
  dark = await desktop.driver({ GTK_THEME: 'Adwaita:dark' });
});

after(async () => {
  await desktop?.stop();
  for (const dir of dirs) removeDataDir(dir);
});

/** Onboarding from the first screen to the first offer, with evidence on each screen; the taps
 * from launch and from the confirmed recovery code to the first step are counted and asserted.
 * `checkIn`: the optional first check-in's answers (energy, mood, room), or none. */
async function firstRun(session, look, checkIn = []) {
  const launched = tapCount(session);
  await waitH1(session, /Welcome to Thaw/);
  await evidence(session, 'welcome', look);
  if (look.restoreScreen) {
    await click(session, '[data-testid="restore-start"]');
    await waitH1(session, /Restore a backup/);
    await session.find('[data-testid="restore-choose"]');
    await evidence(session, 'restore', look);
    await click(session, '[data-testid="restore-back"]');
    await waitH1(session, /Welcome to Thaw/);
  }

  await click(session, '[data-testid="begin"]');
  await waitH1(session, /Choose a passphrase/);
  await type(session, '#new-passphrase', PASSPHRASE);
  await type(session, '#passphrase-again', PASSPHRASE);
  await waitEnabled(session, '[data-testid="create"]');
  await waitText(session, '[data-testid="strength"]', /\S/);
  await evidence(session, 'passphrase', look);

  await click(session, '[data-testid="create"]');
  const code = await textOf(session, '[data-testid="recovery-code"]');
  assert.match(code, /\w/, 'a recovery code is shown once');
  await evidence(session, 'recovery-code', look);
  const last = code.trim().split(/[\s-]+/).at(-1);
  await type(session, '#last-group', last);
  await waitEnabled(session, '[data-testid="kept-code"]');
  await click(session, '[data-testid="kept-code"]');
  const confirmed = tapCount(session);

  await waitH1(session, /What matters to you/);
  await click(session, '[data-testid="area-relationships"]');
  await evidence(session, 'areas', look);
  await click(session, '[data-testid="areas-continue"]');

  await waitH1(session, /In your own words/);
  await type(session, '[data-testid="value-words"]', VALUE_WORDS);
  await session.find('[data-testid="starter"]');
  // The first check-in is inline, optional, worded per question, and before the step.
  const questions = ['energy', 'mood', 'room'];
  for (const [i, level] of checkIn.entries()) {
    await click(session, `[data-testid="feel-${questions[i]}-${level}"]`);
  }
  if (checkIn.length) {
    const pressed = await session.execute(
      `return [...document.querySelectorAll('[data-testid="onboarding-checkin"] [aria-pressed="true"]')].map((b) => b.textContent.trim());`,
    );
    assert.equal(pressed.length, checkIn.length, `answered: ${pressed}`);
  }
  await evidence(session, 'value-words', look);
  if (look.text200) await atText200(session, 'value-words', look);
  await click(session, '[data-testid="save-value"]');

  await session.find('[data-testid="offer"]', 20000);
  await waitH1(session, /One small step/);
  // No check-in screen in between: the step itself, within four taps of keeping the code.
  assert.equal(await session.exists('[data-testid="checkin"]'), false);
  const afterCode = tapCount(session) - confirmed - checkIn.length;
  const fromLaunch = tapCount(session) - launched - checkIn.length - (look.restoreScreen ? 2 : 0);
  assert.ok(afterCode <= TAPS_TO_FIRST_STEP, `${afterCode} taps from the confirmed code to the first step`);
  console.log(`# taps to the first step (${look.size.name}, ${look.theme}): ${afterCode} after the recovery code, ${fromLaunch} from launch (plus ${checkIn.length} optional check-in answers)`);
  return code;
}

async function offerSeconds(session) {
  return Number(await (await session.find('[data-testid="offer"]')).attribute('data-seconds'));
}

/** Visits every unlocked screen with evidence; the full run also asserts the journeys. */
async function everyScreen(session, look, full, code = '') {
  await waitH1(session, /One small step/);
  await evidence(session, 'today', look);
  if (full) {
    // Text at 200%: nothing runs off the side, and the main actions are still there.
    await session.execute(`document.documentElement.style.zoom = '2'; return true;`);
    await new Promise((r) => setTimeout(r, 300));
    const overflow = await session.execute(`return document.documentElement.scrollWidth - document.documentElement.clientWidth;`);
    assert.ok(overflow <= 1, `no sideways scrolling at 200% (overflow ${overflow}px)`);
    await evidence(session, 'today-zoom200', look);
    await session.execute(`document.documentElement.style.zoom = ''; return true;`);
  }

  const doneText = await textOf(session, '[data-testid="offer-text"]');
  await click(session, '[data-testid="respond-done"]');
  // The core's one sentence for a Done heads "How did it feel?", said there once.
  await waitH1(session, /^You did it\. That counts\.$/);
  await evidence(session, 'felt', look);
  await click(session, '[data-testid="felt-3"]');
  await waitText(session, '[data-testid="said"]', /^Thank you for saying\.$/);
  await waitText(session, '[data-testid="today-summary"]', /You moved today/);
  // Nothing is pushed after a Done: the next step comes when asked for.
  await session.find('[data-testid="next-step"]');
  await evidence(session, 'between', look);
  if (await session.exists('[data-testid="bit-more"]')) {
    // "A bit more?", only when asked: the next step up, said as optional; not this time is fine.
    await click(session, '[data-testid="bit-more"]');
    await waitText(session, '[data-testid="offer-reason"]', /^Only if you like: the next step up takes /);
    await evidence(session, 'bit-more', look);
    await click(session, '[data-testid="respond-not-now"]');
    await waitText(session, '[data-testid="said"]', /^That is fine\. What you did already counts\.$/);
  }
  await click(session, '[data-testid="next-step"]');
  await session.find('[data-testid="offer"]', 20000);

  if (full) {
    // "Smaller please" gives a smaller one at once, and the step itself says so.
    const before = await offerSeconds(session);
    const beforeText = await textOf(session, '[data-testid="offer-text"]');
    // Pressed from the keyboard (the button has focus; WebKit does not focus a clicked button):
    // focus lands on the new step's heading, not on the page, though the heading's words stay.
    await session.execute(`document.querySelector('[data-testid="respond-smaller"]').focus(); return true;`);
    await click(session, '[data-testid="respond-smaller"]');
    await waitText(session, '[data-testid="offer-reason"]', /^You asked for smaller/);
    await session.waitFor(`() => document.activeElement?.id === 'today-title'`, 5000, 'focus on the new step after Smaller please');
    const after = await offerSeconds(session);
    const afterText = await textOf(session, '[data-testid="offer-text"]');
    assert.ok(after < before, `the next step is smaller (${after}s < ${before}s)`);
    assert.notEqual(afterText, beforeText);
  }


  await click(session, '[data-testid="notice-open"]');
  await waitDialog(session, 'notice');
  await evidence(session, 'notice', look);
  await click(session, '#notice .preset');
  await waitText(session, '[data-testid="said"]', /Noticed/);

  await click(session, '[data-testid="tab-progress"]');
  await waitH1(session, /What you have done/);
  await session.find('[data-testid="evidence"]', 20000);
  if (full) {
    // The Done shows up in Progress: in this week's count and in "Things you did".
    const week = await textOf(session, '[data-testid="week-line"]');
    assert.match(week, /[1-9]\d* moves? this week/);
    const things = await textOf(session, '[data-testid="evidence"]');
    assert.ok(things.includes(doneText), `"${doneText}" is listed in Things you did:\n${things}`);
    const label = await (await session.find('[data-testid="moves-chart"]')).attribute('aria-label');
    assert.match(label, /This week: ([1-9]\d* outside|\d+ outside and [1-9])/);
    // Past tense, and true: a value just moved towards is not "resting"; nobody is timed.
    assert.match(things, /You (did this|took a moment inside): “/);
    const strength = await textOf(session, '[data-testid="strength-legend"]');
    assert.doesNotMatch(strength, /resting/, `the value moved towards today: ${strength}`);
    const page = await textOf(session, 'main');
    assert.doesNotMatch(page, /minutes? after a step is offered|Before and after/);
  }
  await evidence(session, 'progress', look);
  if (full) await atText200(session, 'progress', look);

  await click(session, '[data-testid="tab-journal"]');
  await waitH1(session, /Journal/);
  await evidence(session, 'journal', look);
  await click(session, '[data-testid="journal-new"]');
  await waitH1(session, /New entry/);
  await type(session, '[data-testid="journal-text"]', 'The walk felt lighter than I expected.');
  await click(session, '[data-testid="journal-discuss"]');
  await evidence(session, 'journal-new', look);
  await click(session, '[data-testid="journal-save"]');
  await waitText(session, '[data-testid="journal-entries"]', /lighter than I expected/);
  if (full) {
    // An entry can be rewritten (same entry, its time kept) and deleted for good.
    await click(session, '[data-testid="journal-new"]');
    await type(session, '[data-testid="journal-text"]', 'A note to take back later.');
    await click(session, '[data-testid="journal-save"]');
    await waitText(session, '[data-testid="journal-entries"]', /take back later/);
    await click(session, '[data-testid="journal-edit"]');
    await waitH1(session, /Edit entry/);
    assert.equal(await (await session.find('[data-testid="journal-text"]')).property('value'), 'A note to take back later.');
    await type(session, '[data-testid="journal-text"]', 'A note I changed my mind about.');
    await evidence(session, 'journal-edit', look);
    await click(session, '[data-testid="journal-save"]');
    await waitText(session, '[data-testid="journal-said"]', /changes are saved/);
    const listed = await textOf(session, '[data-testid="journal-entries"]');
    assert.match(listed, /changed my mind/);
    assert.doesNotMatch(listed, /take back later/);
    await click(session, '[data-testid="journal-delete"]');
    await waitText(session, '[data-testid="journal-entries"]', /gone for good/);
    await evidence(session, 'journal-delete', look);
    await click(session, '[data-testid="journal-delete-confirm"]');
    await waitText(session, '[data-testid="journal-said"]', /deleted/);
    await session.waitFor(`() => document.activeElement?.dataset.testid === 'journal-said'`, 5000, 'focus on what changed');
    const left = await invoke(session, 'journal');
    assert.deepEqual(left.map((e) => e.text), ['The walk felt lighter than I expected.']);
    await atText200(session, 'journal', look);
  }

  await click(session, '[data-testid="tab-more"]');
  await waitH1(session, /^More$/);
  await evidence(session, 'more', look);
  await click(session, '[data-testid="go-values"]');
  await waitH1(session, /What matters to you/);
  await waitText(session, '[data-testid="value"]', new RegExp(VALUE_WORDS));
  await evidence(session, 'values', look);
  if (full) {
    // A movement of one's own gets a ladder from the core; its steps can be reworded.
    await click(session, '[data-testid="add-movement"]');
    await type(session, '[data-testid="new-movement-title"]', 'Call my sister');
    await click(session, '[data-testid="save-movement"]');
    await waitText(session, '[data-testid="value"]', /Call my sister/);
    const ladders = await session.findAll('[data-testid="ladder"]');
    assert.ok(ladders.length >= 2, 'the new movement has a ladder');
    await click(session, '[data-testid="edit-steps"]');
    await type(session, '[data-testid="rung-input"]', 'Think of her for a breath');
    await click(session, '[data-testid="save-steps"]');
    await waitText(session, '[data-testid="value"]', /Think of her for a breath/);
    await evidence(session, 'values-edited', look);
  }

  await click(session, '[data-testid="tab-more"]');
  await click(session, '[data-testid="go-settings"]');
  await waitH1(session, /Settings/);
  await session.find('[data-testid="save-settings"]', 20000);
  // With background running off (the default), Settings says plainly that prompts need Thaw open.
  await waitText(session, '[data-testid="prompts-need-thaw"]', /only while Thaw is open/);
  await evidence(session, 'settings', look);
  if (full) {
    // A long page in named sections: "Erase everything" is one tap from the top.
    await click(session, '[data-testid="contents-s-erase"]');
    await session.waitFor(`() => document.activeElement?.id === 's-erase'`, 5000, 'focus on the Erase section');
    await atText200(session, 'settings', look);
  }
  if (full) {
    await session.execute(`const s = document.querySelector('#per-day'); s.value = '3'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;`);
    await click(session, '[data-testid="save-settings"]');
    await waitText(session, '[data-testid="settings-said"]', /Saved/);
  }

  let backupPath = null;
  if (full) {
    // The platform's save dialog, answered as a person would: a name, in a folder of theirs.
    backupPath = join(dirname(backupDir), 'journey.thawbackup');
    await click(session, '[data-testid="backup"]');
    await chooseInDialog(desktop, 'Save a Thaw backup', backupPath, 'save');
    await waitText(session, '[data-testid="backup-done-name"]', /journey\.thawbackup/, 60000);
  }

  await click(session, '[data-testid="crisis-open"]');
  await waitDialog(session, 'crisis');
  const crisis = await textOf(session, '#crisis');
  assert.match(crisis, /988/);
  assert.match(crisis, /911/);
  assert.match(crisis, /Nobody watches this app in real time/);
  await evidence(session, 'crisis', look);
  await click(session, '#crisis .close');

  // "I have a moment", from any screen: back to Today with a step.
  await click(session, '[data-testid="moment"]');
  await waitH1(session, /One small step|Rest counts/);
  await session.find('[data-testid="offer"], [data-testid="rest"]', 20000);

  // Lock, a wrong passphrase, then the right one.
  await click(session, '[data-testid="tab-more"]');
  await click(session, '[data-testid="lock"]');
  await waitH1(session, /Welcome back/);
  // The lock screen is for typing: its field has the focus.
  await session.waitFor(`() => document.activeElement?.id === 'unlock-passphrase'`, 5000, 'the passphrase field to have focus');
  await evidence(session, 'unlock', look);
  if (full) await atText200(session, 'unlock', look);
  await click(session, '[data-testid="crisis-open"]');
  await waitDialog(session, 'crisis');
  await click(session, '#crisis .close');

  await type(session, '#unlock-passphrase', 'not my passphrase at all');
  await click(session, '[data-testid="unlock"]');
  const wrong = await waitText(session, '[data-testid="unlock-error"]', /\S/);
  assert.match(wrong, /did not open Thaw/i);
  // Said once, without "try again" beside any pause; focus back in the field to type again.
  assert.doesNotMatch(wrong, /try again/i);
  await session.waitFor(`() => document.activeElement?.id === 'unlock-passphrase'`, 5000, 'focus back in the field');
  if (full) {
    // After a few wrong tries Thaw pauses: the pause explains itself, and nothing beside it says
    // "try again" now (the 4th failure in a row is followed by a short wait).
    for (let i = 2; i <= 4; i++) {
      await type(session, '#unlock-passphrase', `not my passphrase, try ${i}`);
      await waitEnabled(session, '[data-testid="unlock"]', 60000);
      await click(session, '[data-testid="unlock"]');
      await session.waitFor(`() => document.activeElement?.id === 'unlock-passphrase'`, 10000, `the answer to try ${i}`);
    }
    const pause = await waitText(session, '[data-testid="unlock-wait"]', /You can try again in/);
    assert.match(pause, /so nobody can guess their way in/);
    assert.doesNotMatch(await textOf(session, '[data-testid="unlock-error"]'), /try again/i);
    await evidence(session, 'unlock-pause', look);
  }
  await evidence(session, 'unlock-wrong', look);
  await type(session, '#unlock-passphrase', PASSPHRASE);
  await waitEnabled(session, '[data-testid="unlock"]', 60000);
  await click(session, '[data-testid="unlock"]');
  await waitH1(session, /One small step|Rest counts/);

  // Not now is a real answer: said enough times, the day turns to rest.
  // After each Not now nothing is pushed; the person asks for the next step.
  for (let i = 0; i < 8 && !(await session.exists('[data-testid="rest"]')); i++) {
    if (await session.exists('[data-testid="next-step"]')) {
      await click(session, '[data-testid="next-step"]');
      await session.find('[data-testid="respond-not-now"], [data-testid="rest"]', 10000);
      continue;
    }
    await click(session, '[data-testid="respond-not-now"]');
    await session.find('[data-testid="next-step"], [data-testid="rest"]', 10000);
  }
  await waitH1(session, /Rest counts/);
  await evidence(session, 'rest', look);

  {
    // A forgotten passphrase: the recovery code opens Thaw and a new passphrase is chosen.
    await click(session, '[data-testid="tab-more"]');
    await click(session, '[data-testid="lock"]');
    await waitH1(session, /Welcome back/);
    await click(session, '[data-testid="use-recovery"]');
    await waitH1(session, /Use your recovery code/);
    await type(session, '#recovery-code', code);
    await type(session, '#recovery-new', 'another calm passphrase here');
    // The new passphrase is asked twice: not the same yet, no way on.
    await type(session, '#recovery-again', 'another calm passphrase there');
    await waitText(session, '#recovery-again-hint', /not the same yet/);
    assert.equal(await (await session.find('[data-testid="recover"]')).enabled(), false);
    await type(session, '#recovery-again', 'another calm passphrase here');
    await waitEnabled(session, '[data-testid="recover"]');
    await evidence(session, 'unlock-recovery', look);
    await click(session, '[data-testid="recover"]');
    // It says what changed, and that the code still works, before Thaw opens.
    await waitH1(session, /Your new passphrase is set/, 30000);
    const recovered = await textOf(session, '[data-testid="recovered"]');
    assert.match(recovered, /new passphrase opens Thaw/);
    assert.match(recovered, /recovery code still works/);
    await evidence(session, 'unlock-recovered', look);
    await click(session, '[data-testid="recovered-continue"]');
    await waitH1(session, /One small step|Rest counts/, 30000);

    // Erase everything, calmly and twice confirmed, with the passphrase: back to the very start.
    await click(session, '[data-testid="tab-more"]');
    await click(session, '[data-testid="go-settings"]');
    await click(session, '[data-testid="erase-start"]');
    await type(session, '#erase-confirm', 'erase everything');
    await type(session, '#erase-secret', 'another calm passphrase here');
    await waitEnabled(session, '[data-testid="erase"]');
    await evidence(session, 'erase', look);
    await click(session, '[data-testid="erase"]');
    await waitH1(session, /Welcome to Thaw/, 30000);
  }
  return backupPath;
}

let backupPath;
let backupDir;

test('first run to a first step done, Smaller please, Done in Progress, lock and unlock (phone, light)', async () => {
  const look = { size: PHONE, theme: 'light' };
  backupDir = join(dataDir('backups'), 'Thaw backups');
  const session = await openApp(light, dataDir('first-run'), PHONE, [`--backup-dir=${backupDir}`]);
  try {
    assert.equal(await session.execute(`return matchMedia('(prefers-color-scheme: dark)').matches;`), false);
    const code = await firstRun(session, { ...look, text200: true });
    backupPath = await everyScreen(session, look, true, code);
    assert.ok(backupPath && existsSync(backupPath), `the backup went where the person chose: ${backupPath}`);

  } finally {
    await session.quit();
  }
});

test('backup then restore into a fresh data folder shows the same data', async () => {
  assert.ok(backupPath, 'the first journey made a backup');
  const look = { size: PHONE, theme: 'light' };
  const session = await openApp(light, dataDir('restored'), PHONE, [`--backup-dir=${backupDir}`]);
  try {
    await waitH1(session, /Welcome to Thaw/);
    await click(session, '[data-testid="restore-start"]');
    await waitH1(session, /Restore a backup/);
    // The backup is chosen in the platform's open dialog: nobody types a path into Thaw.
    await click(session, '[data-testid="restore-choose"]');
    await chooseInDialog(desktop, 'Choose your Thaw backup', backupPath, 'open');
    await waitText(session, '[data-testid="restore-chosen"]', /journey\.thawbackup/);
    await type(session, '#restore-secret', PASSPHRASE);
    await evidence(session, 'restore', look);
    await click(session, '[data-testid="restore"]');

    // Restored data may open straight away, or ask for the passphrase it was made with.
    const where = await waitH1(session, /Welcome back|One small step|Rest counts|How is your energy/, 30000);
    if (/Welcome back/.test(where)) {
      await type(session, '#unlock-passphrase', PASSPHRASE);
      await click(session, '[data-testid="unlock"]');
      await waitH1(session, /One small step|Rest counts|How is your energy/, 30000);
    }
    await click(session, '[data-testid="tab-more"]');
    await click(session, '[data-testid="go-values"]');
    await waitText(session, '[data-testid="value"]', new RegExp(VALUE_WORDS));
    await click(session, '[data-testid="tab-journal"]');
    await waitText(session, '[data-testid="journal-entries"]', /lighter than I expected/);
    await click(session, '[data-testid="tab-progress"]');
    await waitText(session, '[data-testid="evidence"]', /\S/);
    await waitText(session, '[data-testid="week-line"]', /[1-9]\d* moves? this week/);
  } finally {
    await session.quit();
  }
});

for (const [size, theme] of [
  // Every screen at 360×740 too: evidence() measures every target there (at least 48×48 px).
  [SMALL_PHONE, 'light'],
  [DESKTOP, 'light'],
  [PHONE, 'dark'],
  [DESKTOP, 'dark'],
]) {
  test(`every screen, with axe and a screenshot (${size.name}, ${theme})`, async () => {
    const driver = theme === 'dark' ? dark : light;
    const session = await openApp(driver, dataDir(`${size.name}-${theme}`), size, [
      `--backup-dir=${join(dataDir('unused-backups'), 'b')}`,
    ]);
    try {
      const isDark = await session.execute(`return matchMedia('(prefers-color-scheme: dark)').matches;`);
      assert.equal(isDark, theme === 'dark', `prefers-color-scheme follows GTK_THEME (${theme})`);
      const code = await firstRun(session, { size, theme, restoreScreen: true }, ['low', 'some', 'low']);
      await everyScreen(session, { size, theme }, false, code);
    } finally {
      await session.quit();
    }
  });
}
