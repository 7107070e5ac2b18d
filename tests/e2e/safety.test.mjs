// Treatment, integration and safety, driven through the real app: a safety plan with a person of
// one's own, a session that shows on Today, PHQ-9 question 9 above "Not at all" opening the crisis
// screen at once (and noted for the next visit), a visit summary saved as a PDF and rendered to
// PNG, and the crisis numbers on the lock screen without anything personal. Every new screen is
// checked with axe and photographed at phone and desktop size, and the crisis screen in dark too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chooseInDialog } from './lib/file_dialog.mjs';
import { Desktop, PHONE, DESKTOP, openApp, freshDataDir, removeDataDir, SCREENSHOT_DIR } from './lib/harness.mjs';
import { click, type, textOf, waitText, waitDialog, evidence, waitH1, onboard, unlock, invoke, atText200 } from './lib/thaw.mjs';

const CONTACT = 'Maya Lindqvist';
const CONTACT_PHONE = '555-0142';
const REASON = 'The sound of my sister laughing';
const LONG_LINE = 'Staying in bed past noon, the curtains closed, and not wanting to answer even the people I love most';
const NOBODY = /Nobody watches this app in real time/;

let desktop;
let light;
let dark;
let dataDir;
let backupDir;
let session;
const dirs = [];

before(async () => {
  desktop = await Desktop.start();
  light = await desktop.driver();
  dark = await desktop.driver({ GTK_THEME: 'Adwaita:dark' });
  dataDir = freshDataDir('safety');
  dirs.push(dataDir);
  const backups = freshDataDir('safety-exports');
  dirs.push(backups);
  backupDir = join(backups, 'Thaw backups');
});

after(async () => {
  await session?.quit();
  await desktop?.stop();
  for (const dir of dirs) removeDataDir(dir);
});

function openThaw(driver, size) {
  return openApp(driver, dataDir, size, [`--backup-dir=${backupDir}`]);
}

/** The local calendar day `n` days ago, as a date input wants it. */
function dayAgo(n) {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function more(target) {
  await click(session, '[data-testid="tab-more"]');
  await waitH1(session, /^More$/);
  await click(session, `[data-testid="go-${target}"]`);
}

async function setInput(selector, value) {
  await session.execute(
    `const el = document.querySelector(${JSON.stringify(selector)}); el.value = ${JSON.stringify(value)};
     el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); return true;`,
  );
}

async function closeCrisis() {
  await click(session, '#crisis .close');
  await session.waitFor(`() => !document.querySelector('dialog#crisis[open]')`, 10000, 'the crisis sheet to close');
}

/** The crisis sheet, opened from the top bar, once the core's numbers are in. */
async function openCrisis() {
  await click(session, '[data-testid="crisis-open"]');
  await waitDialog(session, 'crisis');
  // "Crisis Text Line" comes only from the core (the sheet's fallback has 988 and 911).
  return waitText(session, '#crisis', /Crisis Text Line/);
}

test('PHQ-9 question 9 above "Not at all" shows the crisis screen at once, with my own person, and can be noted for my next visit (phone, light)', async () => {
  const look = { size: PHONE, theme: 'light' };
  session = await openThaw(light, PHONE);
  await onboard(session);

  // The safety plan, with a person of one's own.
  await more('safety-plan');
  await waitH1(session, /My safety plan/);
  await session.find('[data-testid="save-plan"]', 20000);
  await click(session, '[data-testid="add-warning_signs"]');
  await type(session, '#warning_signs-0', 'I stop answering messages');
  // A long line shows all its words: the field grows, nothing hides behind a scroll.
  await click(session, '[data-testid="add-coping_on_my_own"]');
  await type(session, '#coping_on_my_own-0', LONG_LINE);
  const fit = await session.execute(
    `const t = document.querySelector('#coping_on_my_own-0'); return { tag: t.tagName, scroll: t.scrollHeight, client: t.clientHeight };`,
  );
  assert.equal(fit.tag, 'TEXTAREA');
  assert.ok(fit.scroll <= fit.client + 1, `every word of a long line shows (${fit.scroll} ≤ ${fit.client})`);
  // Sections a person can find: "My reasons for living" is one tap from the top.
  await click(session, '[data-testid="contents-reasons_for_living-title"]');
  await session.waitFor(`() => document.activeElement?.id === 'reasons_for_living-title'`, 5000, 'focus on the section');
  await click(session, '[data-testid="add-people_to_ask_for_help"]');
  await type(session, '[data-testid="people_to_ask_for_help-name"]', CONTACT);
  await type(session, '[data-testid="people_to_ask_for_help-phone"]', CONTACT_PHONE);
  await click(session, '[data-testid="add-reasons_for_living"]');
  await type(session, '#reasons_for_living-0', REASON);
  await evidence(session, 'safety-plan', look);
  await atText200(session, 'safety-plan', look);
  await click(session, '[data-testid="save-plan"]');
  await waitText(session, '[data-testid="plan-said"]', /saved/);
  const plan = await invoke(session, 'safety_plan');
  assert.equal(plan.people_to_ask_for_help[0]?.name, CONTACT);
  assert.equal(plan.coping_on_my_own[0], LONG_LINE);
  assert.ok(plan.professionals_and_services.some((p) => p.phone === '988'), '988 is on the plan');

  // A treatment session three days ago shows on Today as days since. Oral or lozenge: one
  // spelling from the form to the store and back, into the visit summary.
  await more('sessions');
  await waitH1(session, /Treatment sessions/);
  await evidence(session, 'sessions-empty', look);
  await click(session, '[data-testid="session-new"]');
  await waitH1(session, /Log a session/);
  await setInput('#session-day', dayAgo(3));
  await click(session, '[data-testid="kind-oral_or_lozenge"]');
  await type(session, '[data-testid="session-intention"]', 'To be kinder to myself');
  await evidence(session, 'session-form', look);
  await click(session, '[data-testid="session-save"]');
  await waitText(session, '[data-testid="sessions"]', /Oral or lozenge[\s\S]*kinder to myself/);
  await evidence(session, 'sessions', look);
  await click(session, '[data-testid="tab-today"]');
  await waitText(session, '[data-testid="days-since"]', /^3 days since your last session\./);
  await evidence(session, 'today-session', look);

  // "What did you notice?" opens the journal with that question, about that session.
  await click(session, '[data-testid="integration-link"]');
  await waitH1(session, /New entry/);
  const linked = await session.execute(`return document.querySelector('#journal-session')?.selectedOptions[0]?.textContent ?? '';`);
  assert.match(linked, /Oral or lozenge/, 'the new entry is about the session');
  await type(session, '[data-testid="journal-text"]', 'I noticed I paused less before texting.');
  await click(session, '[data-testid="journal-discuss"]');
  await evidence(session, 'journal-session', look);
  await click(session, '[data-testid="journal-save"]');
  await waitText(session, '[data-testid="journal-entries"]', /about the session of[\s\S]*paused less/);

  // Nobody is asked for a questionnaire on their first day: Today has no card yet (the core
  // offers it every two weeks from setup; see crates/thaw-core tests). More leads there.
  await click(session, '[data-testid="tab-today"]');
  await waitText(session, '[data-testid="days-since"]', /since your last session/);
  assert.equal(await session.exists('[data-testid="questionnaire-due"]'), false);
  await more('questionnaires');

  // PHQ-9: eight answers of "Several days", then question 9 "More than half the days".
  await waitH1(session, /Check-in questionnaires/);
  await waitH1(session, /Check-in questionnaires/);
  await session.find('[data-testid="take-phq9"]', 20000);
  await evidence(session, 'questionnaires-empty', look);
  await click(session, '[data-testid="take-phq9"]');
  await waitText(session, '[data-testid="q-item"]', /^1\. Little interest or pleasure in doing things/);
  const form = await textOf(session, '[data-testid="questionnaire-form"]');
  assert.match(form, /Over the last 2 weeks, how often have you been bothered by any of the following problems\?/);
  assert.match(form, /Spitzer/);
  await evidence(session, 'questionnaire-question', look);
  for (let n = 1; n <= 8; n++) {
    await waitText(session, '[data-testid="q-item"]', new RegExp(`^${n}\\.`));
    await click(session, '[data-testid="q-option-1"]');
  }
  await waitText(session, '[data-testid="q-item"]', /^9\./);
  await click(session, '[data-testid="q-option-2"]');

  // At once: the crisis screen with 988, my own person, and the plain statement.
  await waitDialog(session, 'crisis');
  const crisis = await waitText(session, '#crisis', new RegExp(CONTACT));
  assert.match(crisis, /988/);
  assert.match(crisis, /911/);
  assert.match(crisis, NOBODY);
  assert.ok(crisis.includes(CONTACT_PHONE), 'my person can be called from here');
  await evidence(session, 'crisis-item9', look);
  await click(session, '[data-testid="flag-for-visit"]');
  await waitText(session, '[data-testid="flag-done"]', /Noted/);
  await closeCrisis();
  // Focus lands on the new screen (the result), not on the page's body.
  await session.waitFor(`() => document.activeElement?.id === 'r-title'`, 5000, 'focus on the result after the crisis sheet closed');

  const result = await textOf(session, '[data-testid="questionnaire-result"]');
  assert.match(result, /10\s*of 27/, 'eight 1s and a 2 make 10');
  assert.match(result, /not a grade/);
  // Support leads the result: the care box and its heading come before the score.
  const order = await session.execute(`
    const care = document.querySelector('[data-testid="q-care"]');
    const total = document.querySelector('[data-testid="q-total"]');
    return { first: !!(care.compareDocumentPosition(total) & Node.DOCUMENT_POSITION_FOLLOWING), h1: document.querySelector('h1').textContent.trim(), h1InCare: care.contains(document.querySelector('h1')) };`);
  assert.ok(order.first, 'the support box comes before the score');
  assert.ok(order.h1InCare, `the screen's heading is the support box's: ${order.h1}`);
  assert.match(order.h1, /not have to hold this alone/);
  await waitText(session, '[data-testid="q-flagged"]', /Noted for your next visit/);
  await evidence(session, 'questionnaire-result', look);
  const history = await invoke(session, 'questionnaires');
  assert.equal(history.length, 1);
  assert.equal(history[0].item9, 2);
  assert.equal(history[0].flagged_for_visit, true, 'noted for the next visit in the core');
  await click(session, '[data-testid="q-done"]');
  await waitText(session, '[data-testid="last-phq9"]', /10 of 27 · noted for your next visit/);

  // A GAD-7 too, so both charts have something. Left halfway for another screen, it keeps its
  // answers until it is finished or let go on purpose.
  await click(session, '[data-testid="take-gad7"]');
  for (let n = 1; n <= 3; n++) {
    await waitText(session, '[data-testid="q-item"]', new RegExp(`^${n}\\.`));
    await click(session, `[data-testid="q-option-${n % 2}"]`);
  }
  await waitText(session, '[data-testid="q-item"]', /^4\./);
  await click(session, '[data-testid="tab-journal"]');
  await waitH1(session, /Journal/);
  await more('questionnaires');
  await waitText(session, '[data-testid="questionnaire-left"]', /GAD-7 is waiting where you left it: 3 of 7 answered/);
  await evidence(session, 'questionnaire-left', look);
  await atText200(session, 'questionnaire-left', look);
  await click(session, '[data-testid="questionnaire-carry-on"]');
  for (let n = 4; n <= 7; n++) {
    await waitText(session, '[data-testid="q-item"]', new RegExp(`^${n}\\.`));
    await click(session, `[data-testid="q-option-${n % 2}"]`);
  }
  await waitText(session, '[data-testid="q-total"]', /^4\s*of 21/);
  assert.equal(await session.exists('dialog#crisis[open]'), false, 'GAD-7 does not open the crisis sheet');
  await click(session, '[data-testid="q-done"]');
  await waitText(session, '[data-testid="last-gad7"]', /4 of 21/);
  await evidence(session, 'questionnaires', look);

  // A second PHQ-9, all "Not at all": no crisis sheet, and the trend chart appears.
  await click(session, '[data-testid="take-phq9"]');
  for (let n = 1; n <= 9; n++) {
    await waitText(session, '[data-testid="q-item"]', new RegExp(`^${n}\\.`));
    await click(session, '[data-testid="q-option-0"]');
  }
  await waitText(session, '[data-testid="q-total"]', /^0\s*of 27/);
  assert.equal(await session.exists('dialog#crisis[open]'), false, 'question 9 at "Not at all" does not open the crisis sheet');
  await click(session, '[data-testid="q-done"]');
  const chart = await session.find('[data-testid="score-chart-PHQ-9"]', 20000);
  assert.match(await chart.attribute('aria-label'), /last 2 times\. Most recent, .*: 0\./);
  await evidence(session, 'questionnaires-chart', look);

  // Taken today: Today no longer shows the card.
  await click(session, '[data-testid="tab-today"]');
  await waitText(session, '[data-testid="days-since"]', /since your last session/);
  assert.equal(await session.exists('[data-testid="questionnaire-due"]'), false);

  // The visit summary, then a PDF written and rendered.
  await more('summary');
  await waitH1(session, /Visit summary/);
  const page = await waitText(session, '[data-testid="summary-page"]', /PHQ-9/);
  assert.match(page, /More than half the days/, 'question 9 is in the summary');
  assert.match(page, /Oral or lozenge/, 'the visit summary says how the session was given');
  assert.match(page, /paused less/, 'the note to discuss is in the summary');
  await evidence(session, 'summary', look);
  await click(session, '[data-testid="export-pdf"]');
  const ask = await waitText(session, '[data-testid="export-ask"]', /not encrypted/);
  assert.match(ask, /question 9/);
  await evidence(session, 'summary-export', look);
  await click(session, '[data-testid="export-save"]');
  // The platform's save dialog, answered as a person would.
  const pdf = join(dirname(backupDir), 'visit-summary.pdf');
  await chooseInDialog(desktop, 'Save your visit summary', pdf, 'save');
  const done = await waitText(session, '[data-testid="export-done"]', /visit-summary\.pdf/, 30000);
  assert.match(done, /not encrypted/);
  assert.equal(statSync(pdf).mode & 0o777, 0o600, 'the summary is readable by its owner only');
  assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
  const prefix = join(SCREENSHOT_DIR, 'summary-pdf');
  for (const f of readdirSync(SCREENSHOT_DIR)) if (f.startsWith('summary-pdf-')) rmSync(join(SCREENSHOT_DIR, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
  const pages = readdirSync(SCREENSHOT_DIR).filter((f) => /^summary-pdf-\d+\.png$/.test(f));
  assert.ok(pages.length >= 1, 'the PDF renders to at least one page');
  assert.ok(existsSync(join(SCREENSHOT_DIR, pages[0])));
  await evidence(session, 'summary-saved', look);

  // The questionnaire reminder can be turned off in Settings.
  await more('settings');
  await session.find('[data-testid="questionnaire-every"]', 20000);
  await setInput('#questionnaire-every', '0');
  await click(session, '[data-testid="save-settings"]');
  await waitText(session, '[data-testid="settings-said"]', /Saved/);
  assert.equal((await invoke(session, 'settings')).questionnaire_every_days, 0);
});

test('the crisis numbers are reachable from the lock screen, with nothing personal (phone, light)', async () => {
  const look = { size: PHONE, theme: 'light' };
  // Crisis lines are editable (a US default): add a local line; it shows while locked too.
  await more('safety-plan');
  await session.find('[data-testid="save-lines"]', 20000);
  await click(session, '[data-testid="add-line"]');
  await type(session, '#line-3-name', 'Local warmline');
  await type(session, '#line-3-number', '0800 123 456');
  await click(session, '[data-testid="save-lines"]');
  await waitText(session, '[data-testid="lines-said"]', /Saved/);
  await evidence(session, 'crisis-lines', look);
  await click(session, '[data-testid="tab-more"]');
  await click(session, '[data-testid="lock"]');
  await waitH1(session, /Welcome back/);
  const crisis = await openCrisis();
  assert.match(crisis, /988/);
  assert.match(crisis, /741741/);
  assert.match(crisis, /911/);
  assert.match(crisis, /0800 123 456/, 'the line added for where the person lives');
  assert.match(crisis, NOBODY);
  const html = await session.execute(`return document.querySelector('#crisis').innerHTML;`);
  for (const personal of [CONTACT, CONTACT_PHONE, REASON, 'safety plan']) {
    assert.ok(!crisis.includes(personal) && !html.includes(personal), `"${personal}" is not shown while locked`);
  }
  // Each line offers its actions (crisis.test.mjs taps every one and checks what the phone got);
  // none is a link the webview would try to open itself.
  const actions = await session.execute(`return [...document.querySelectorAll('#crisis .numbers button')].map((b) => b.textContent.trim());`);
  assert.deepEqual(actions, ['Call 988', 'Text 988', 'Text HOME to 741741', 'Call 911', 'Call 0800 123 456'], actions.join(' | '));
  assert.equal(await session.exists('#crisis a[href]'), false, 'no tel: or sms: links in the sheet');
  await evidence(session, 'crisis-locked', look);
  await closeCrisis();
});

test('every new screen at desktop size (light)', async () => {
  const look = { size: DESKTOP, theme: 'light' };
  await session.setWindowSize(DESKTOP.width, DESKTOP.height);
  const crisis = await openCrisis();
  assert.ok(!crisis.includes(CONTACT));
  await evidence(session, 'crisis-locked', look);
  await closeCrisis();
  await unlock(session);
  await screens(look);
  await session.quit();
  session = null;
});

test('the crisis screen and every new screen in dark (phone, and crisis at desktop size)', async () => {
  session = await openThaw(dark, PHONE);
  const isDark = await session.execute(`return matchMedia('(prefers-color-scheme: dark)').matches;`);
  assert.equal(isDark, true);
  const look = { size: PHONE, theme: 'dark' };
  await waitH1(session, /Welcome back/);
  await openCrisis();
  await evidence(session, 'crisis-locked', look);
  await closeCrisis();
  await unlock(session);
  await screens(look);
  await session.setWindowSize(DESKTOP.width, DESKTOP.height);
  const desk = { size: DESKTOP, theme: 'dark' };
  await openCrisis();
  await waitText(session, '#crisis', new RegExp(CONTACT));
  await evidence(session, 'crisis-open', desk);
  await closeCrisis();
});

/** Safety plan, sessions, questionnaires (list and a question), summary, the open crisis sheet. */
async function screens(look) {
  await openCrisis();
  await waitText(session, '#crisis', new RegExp(CONTACT));
  await evidence(session, 'crisis-open', look);
  await closeCrisis();
  await click(session, '[data-testid="tab-today"]');
  await waitText(session, '[data-testid="days-since"]', /since your last session/);
  await evidence(session, 'today-session', look);
  await more('safety-plan');
  await waitText(session, '[data-testid="safety-plan"]', /Save my plan/);
  await evidence(session, 'safety-plan', look);
  await more('sessions');
  await waitText(session, '[data-testid="sessions"]', /Oral or lozenge/);
  await evidence(session, 'sessions', look);
  await click(session, '[data-testid="session-new"]');
  await waitH1(session, /Log a session/);
  await evidence(session, 'session-form', look);
  await more('questionnaires');
  await waitText(session, '[data-testid="last-phq9"]', /0 of 27/);
  await evidence(session, 'questionnaires', look);
  await click(session, '[data-testid="take-phq9"]');
  await waitText(session, '[data-testid="q-item"]', /^1\./);
  await evidence(session, 'questionnaire-question', look);
  await more('summary');
  await waitText(session, '[data-testid="summary-page"]', /PHQ-9/);
  await click(session, '[data-testid="export-fhir_json"]');
  await waitText(session, '[data-testid="export-ask"]', /not encrypted/);
  await evidence(session, 'summary-export', look);
}
