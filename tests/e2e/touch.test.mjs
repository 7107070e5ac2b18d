// Touch first, at 360×740: the focused field stays in sight when the on-screen keyboard takes
// half the screen (the visual viewport shrinks, as Android's does when its keyboard opens),
// in a screen and in a sheet; and every target on those screens is at least 48×48 px (also
// measured on every screen the other journeys visit, through evidence()).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Desktop, SMALL_PHONE, openApp, freshDataDir, removeDataDir, saveScreenshot } from './lib/harness.mjs';
import { click, type, waitH1, onboard, assertTouchTargets, measureTargets, waitDialog } from './lib/thaw.mjs';

let desktop;
let driver;
const dirs = [];

before(async () => {
  desktop = await Desktop.start();
  driver = await desktop.driver();
});

after(async () => {
  await desktop?.stop();
  for (const dir of dirs) removeDataDir(dir);
});

/** Where the focused field is against what can be seen: the visual viewport, less the header and bar. */
async function focusedInSight(session) {
  return session.execute(`
    const el = document.activeElement;
    const vv = window.visualViewport;
    const r = el.getBoundingClientRect();
    const inDialog = !!el.closest('dialog');
    const header = inDialog ? 0 : (document.querySelector('.top')?.getBoundingClientRect().bottom ?? 0);
    const bar = document.querySelector('.bar');
    const barTop = !inDialog && bar && getComputedStyle(bar).display !== 'none' ? bar.getBoundingClientRect().top : Infinity;
    const top = Math.max(vv.offsetTop, header);
    const bottom = Math.min(vv.offsetTop + vv.height, barTop);
    // What a tap at the field's middle would reach: the field itself, not something over it.
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 24));
    return { id: el.id || el.dataset.testid || el.tagName, top: r.top, bottom: r.bottom, seenTop: top, seenBottom: bottom,
             reachable: !!hit && (hit === el || el.contains(hit)), vv: [vv.width, vv.height] };`);
}

async function waitInSight(session, what) {
  const deadline = Date.now() + 10000;
  let last;
  for (;;) {
    last = await focusedInSight(session);
    const fits = last.top >= last.seenTop - 1 && Math.min(last.bottom, last.top + 48) <= last.seenBottom + 1;
    if (fits && last.reachable && last.vv[1] < 500) return last;
    if (Date.now() > deadline) throw new Error(`${what}: the focused field is out of sight under the keyboard: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A person taps `selector` where it sits, low on the screen (its top 600 px down, in plain
 * sight at 740 px tall): the page scrolls there and the field takes focus without scrolling.
 */
async function tapLow(session, selector) {
  await session.execute(`
    const el = document.querySelector(${JSON.stringify(selector)});
    window.scrollBy(0, el.getBoundingClientRect().top - 600);
    el.focus({ preventScroll: true });
    return true;`);
}

/** The keyboard opens: the visible height drops to 400 of 740 px. */
async function keyboardUp(session) {
  await session.setWindowSize(SMALL_PHONE.width, 400);
}

async function keyboardDown(session) {
  await session.setWindowSize(SMALL_PHONE.width, SMALL_PHONE.height);
}

test('the focused field stays in sight above the keyboard, in a screen and in a sheet (360×740)', async () => {
  const dir = freshDataDir('touch');
  dirs.push(dir);
  const session = await openApp(driver, dir, SMALL_PHONE);
  try {
    await onboard(session);
    await assertTouchTargets(session, 'touch-today');

    // A long journal entry: the field runs down past the middle of the screen.
    await click(session, '[data-testid="tab-journal"]');
    await waitH1(session, /Journal/);
    await click(session, '[data-testid="journal-new"]');
    await waitH1(session, /New entry/);
    await assertTouchTargets(session, 'touch-journal-new');
    await type(session, '[data-testid="journal-text"]', 'A quiet morning. '.repeat(30));
    await tapLow(session, '[data-testid="journal-text"]');
    await keyboardUp(session);
    const seen = await waitInSight(session, 'journal');
    await saveScreenshot(session, 'keyboard-journal-small-phone');
    assert.equal(seen.id, 'journal-text');
    await keyboardDown(session);

    // The last field of the safety plan, far down the page.
    await click(session, '[data-testid="tab-more"]');
    await click(session, '[data-testid="go-safety-plan"]');
    await waitH1(session, /safety plan/i);
    await assertTouchTargets(session, 'touch-safety-plan');
    await session.execute(`
      const fields = [...document.querySelectorAll('main textarea, main input:not([type="checkbox"])')];
      fields.at(-1).setAttribute('data-e2e-last', ''); return fields.length;`);
    await tapLow(session, '[data-e2e-last]');
    await keyboardUp(session);
    await waitInSight(session, 'safety plan');
    await saveScreenshot(session, 'keyboard-safety-plan-small-phone');
    await keyboardDown(session);

    // A sheet: "I noticed something" has a field of its own, at the sheet's foot.
    await click(session, '[data-testid="tab-today"]');
    await click(session, '[data-testid="notice-open"]');
    await waitDialog(session, 'notice');
    await assertTouchTargets(session, 'touch-notice-sheet');
    await session.execute(`document.querySelector('#notice-own').focus(); return true;`);
    // In a sheet the field is at the sheet's foot, at the bottom of the screen.
    await keyboardUp(session);
    await waitInSight(session, 'notice sheet');
    await saveScreenshot(session, 'keyboard-notice-sheet-small-phone');
    await keyboardDown(session);

    await click(session, '#notice .close');
    await click(session, '[data-testid="crisis-open"]');
    await waitDialog(session, 'crisis');
    await assertTouchTargets(session, 'touch-crisis-sheet');
    await click(session, '#crisis .close');
  } finally {
    await session.quit();
  }
});

test('the measurement finds a small target, and leaves a link inside a sentence to WCAG 2.5.8', async () => {
  const dir = freshDataDir('touch-check');
  dirs.push(dir);
  const session = await openApp(driver, dir, SMALL_PHONE);
  try {
    await waitH1(session, /Welcome to Thaw/);
    assert.deepEqual((await measureTargets(session)).small, []);
    await session.execute(`
      const main = document.querySelector('main');
      const small = document.createElement('button');
      small.textContent = 'x';
      small.style.cssText = 'width: 40px; height: 40px; min-height: 0; padding: 0';
      small.id = 'e2e-small';
      const p = document.createElement('p');
      p.id = 'e2e-sentence';
      p.append('Read ', Object.assign(document.createElement('a'), { href: '#', textContent: 'the note' }), ' when you like.');
      const hidden = document.createElement('button');
      hidden.className = 'visually-hidden';
      hidden.textContent = 'for screen readers';
      main.prepend(small, p, hidden);
      return true;`);
    const found = await measureTargets(session);
    assert.deepEqual(found.small.map((t) => t.what), ['button#e2e-small "x"']);
    assert.deepEqual(found.inline.map((t) => t.what), ['a "the note"']);
  } finally {
    await session.quit();
  }
});

test('nothing depends on hover: no hover rule shows, hides or moves anything', async () => {
  const dir = freshDataDir('touch-hover');
  dirs.push(dir);
  const session = await openApp(driver, dir, SMALL_PHONE);
  try {
    await onboard(session);
    // Every screen's styles are loaded by now or come with their screen; walk a few to load them.
    for (const tab of ['progress', 'journal', 'more', 'today']) await click(session, `[data-testid="tab-${tab}"]`);
    const HOVER_RULES = `
      // Only looks may change on hover; anything that shows, hides, moves or resizes is content
      // a finger could never reach.
      const LOOKS = /^(color|background|background-color|border-color|border-[a-z-]*-color|text-decoration[a-z-]*|box-shadow|outline[a-z-]*|cursor|filter|opacity)$/;
      const found = [];
      const walk = (rules) => {
        for (const rule of rules) {
          if (rule.cssRules) walk(rule.cssRules);
          if (!rule.selectorText || !rule.selectorText.includes(':hover')) continue;
          const props = Array.from({ length: rule.style.length }, (_, i) => rule.style[i]);
          const bad = props.filter((p) => !LOOKS.test(p) || (p === 'opacity' && rule.style.opacity === '0'));
          found.push({ selector: rule.selectorText, bad });
        }
      };
      for (const sheet of new Set([...document.styleSheets, ...(document.adoptedStyleSheets ?? [])])) walk(sheet.cssRules);
      return found.filter((r) => r.bad.length > 0);`;
    assert.deepEqual(await session.execute(HOVER_RULES), [], 'hover rules that change more than looks');
    // The check sees such a rule when there is one, and lets a colour change on hover pass.
    // (A constructed sheet: the CSP refuses inline <style>.)
    await session.execute(`
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.e2e-menu:hover .e2e-more { display: block } .e2e-link:hover { color: red }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      return true;`);
    assert.deepEqual(await session.execute(HOVER_RULES), [{ selector: '.e2e-menu:hover .e2e-more', bad: ['display'] }]);
  } finally {
    await session.quit();
  }
});
