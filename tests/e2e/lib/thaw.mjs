// Steps a person takes in Thaw, for the journeys: small helpers over the WebDriver session.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAxe, serious, saveScreenshot, SCREENSHOT_DIR } from './harness.mjs';

export const PASSPHRASE = 'quiet river lamp seventeen';
export const VALUE_WORDS = 'Being there for my sister';

/** Taps counted per session (see `tapCount`), so a journey can assert how many a path takes. */
const taps = new WeakMap();

/** How many times `click` has tapped in this session since `mark` (a number it returned). */
export function tapCount(session) {
  return taps.get(session) ?? 0;
}

export async function click(session, selector) {
  const el = await session.find(selector, 20000);
  taps.set(session, tapCount(session) + 1);
  // As a person would: scroll it to the middle of the screen first, clear of the bottom bar, and
  // tap once the screen is still. The page may still be moving from the step before (the focused
  // field is brought back into sight two frames after a focus change, see ui/src/lib/keyboard.ts);
  // WebDriver taps where the element was when it looked, so a tap during that scroll can land on
  // whatever moved under it. Wait until the element has stayed put for three frames.
  await settle(session, selector);
  try {
    await el.click();
  } catch (error) {
    const over = await session.execute(`
      const el = document.querySelector(${JSON.stringify(selector)});
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return [JSON.stringify(r), top ? top.outerHTML.slice(0, 200) : null];`);
    throw new Error(`${error.message} clicking ${selector}; on top: ${over}`);
  }
}

/** Scrolls `selector` to the middle and waits until it has not moved for three frames (≤ 2 s). */
async function settle(session, selector) {
  await session.executeAsync(
    `const [selector, done] = arguments;
     const el = document.querySelector(selector);
     if (!el) return done(false);
     el.scrollIntoView({ block: 'center' });
     const started = performance.now();
     let last = '';
     let still = 0;
     const look = () => {
       const r = el.getBoundingClientRect();
       const now = r.top + ',' + r.left;
       still = now === last ? still + 1 : 0;
       last = now;
       if (still >= 3 || performance.now() - started > 2000) return done(still >= 3);
       requestAnimationFrame(look);
     };
     requestAnimationFrame(look);`,
    [selector],
  );
}

export async function type(session, selector, text) {
  const el = await session.find(selector);
  await el.clear();
  await el.type(text);
}

export async function textOf(session, selector) {
  return (await session.find(selector, 20000)).text();
}

/** Waits until the element's text matches `pattern`, and returns the text. */
export async function waitText(session, selector, pattern, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const els = await session.findAll(selector);
    last = els.length ? await els[0].text().catch(() => '') : '';
    if (pattern.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`${selector} never said ${pattern} (last: "${last}")`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitEnabled(session, selector, timeoutMs = 20000) {
  await session.waitFor(
    `() => { const el = document.querySelector(${JSON.stringify(selector)}); return el && !el.disabled; }`,
    timeoutMs,
    `${selector} to be enabled`,
  );
}

export async function waitDialog(session, id) {
  await session.waitFor(`() => document.querySelector('dialog#${id}[open], dialog[data-testid="${id}"][open]')`, 10000, `dialog ${id}`);
}

/** The smallest target a finger gets: 48×48 CSS px (Material's 48 dp; above WCAG 2.5.8's 24). */
export const MIN_TARGET = 48;

/**
 * Measures every visible interactive element on the screen as the page lays it out
 * (getBoundingClientRect) and returns those under MIN_TARGET×MIN_TARGET.
 * - A checkbox or radio is measured by the label around it: a tap anywhere on the label
 *   toggles it, so the label is the target.
 * - WCAG 2.5.8's "inline" exception: a link or button inside a sentence (displayed inline,
 *   with words of the sentence around it in the same block) is sized by the line of text and
 *   is not counted; they are returned apart as `inline` so the report shows them.
 * - Not visible: no box, `visibility: hidden`, inside a closed <details> or <dialog>, or made
 *   visually hidden on purpose (1-px clip, as for screen-reader-only text).
 * - Sizes are what a finger meets on the screen: with the page zoomed (the journeys' text at
 *   200% sets CSS zoom on the root, and WebKitGTK reports boxes before that zoom), times the zoom.
 */
export async function measureTargets(session) {
  return session.execute(`
    const MIN = ${MIN_TARGET};
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="radio"], [tabindex]:not([tabindex="-1"])';
    const describe = (el) => {
      const id = el.id ? '#' + el.id : '';
      const test = el.dataset.testid ? '[data-testid="' + el.dataset.testid + '"]' : '';
      const words = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return el.tagName.toLowerCase() + id + test + (words ? ' "' + words + '"' : '');
    };
    const hidden = (el) => {
      if (el.closest('details:not([open]) > :not(summary)') || el.closest('dialog:not([open])')) return true;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') return true;
      const r = el.getBoundingClientRect();
      return r.width <= 2 || r.height <= 2 || el.getClientRects().length === 0;
    };
    const inSentence = (el) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      const block = el.parentElement;
      return [...block.childNodes].some((n) => n !== el && n.nodeType === 3 && n.textContent.trim().length > 0);
    };
    const zoom = Number(getComputedStyle(document.documentElement).zoom) || 1;
    const small = [];
    const inline = [];
    let measured = 0;
    for (const el of document.querySelectorAll(selector)) {
      let target = el;
      if (el.matches('input[type="checkbox"], input[type="radio"]') && el.closest('label')) target = el.closest('label');
      if (hidden(target) || target.closest('[inert], [aria-hidden="true"]')) continue;
      const box = target.getBoundingClientRect();
      const r = { width: box.width * zoom, height: box.height * zoom };
      measured += 1;
      const found = { what: describe(el), width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 };
      if (r.width >= MIN - 0.5 && r.height >= MIN - 0.5) continue;
      (inSentence(target) ? inline : small).push(found);
    }
    return { measured, small, inline, viewport: [innerWidth, innerHeight] };
  `);
}

/** Fails when any visible target on the screen is under 48×48 px (see measureTargets). */
export async function assertTouchTargets(session, name) {
  const { small, inline, measured, viewport } = await measureTargets(session);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, 'touch-targets.json');
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[name] = { viewport, measured, small, inline };
  writeFileSync(file, JSON.stringify(all, null, 2));
  assert.ok(measured > 0, `no interactive element was measured on ${name}`);
  assert.deepEqual(small, [], `targets under ${MIN_TARGET}×${MIN_TARGET} px on ${name} (${viewport.join('×')}): ${JSON.stringify(small, null, 2)}`);
}

/**
 * The sentences a person can see on the screen right now: the page's rendered text (what
 * `innerText` gives, so closed dialogs and hidden parts are left out), without the text kept
 * for screen readers only, split into sentences. A "sentence" ends in . ! or ? and has at
 * least three words, so labels and headings ("Moves per week") are not counted.
 */
export async function visibleSentences(session) {
  const text = await session.execute(`
    const style = document.createElement('style');
    style.textContent = '.visually-hidden { display: none !important; }';
    document.head.append(style);
    try { return document.body.innerText; } finally { style.remove(); }`);
  return String(text ?? '')
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[.!?]$/.test(s) && s.split(' ').length >= 3);
}

/** No sentence appears twice in the visible text (issue 18): asserted on every screen the
 * journeys visit (from `waitH1` and `evidence`). */
export async function assertNoSentenceTwice(session, where = '') {
  const sentences = await visibleSentences(session);
  const title = await h1(session);
  const seen = new Map();
  for (const s of sentences) seen.set(s, (seen.get(s) ?? 0) + 1);
  const repeated = [...seen].filter(([, n]) => n > 1);
  const twice = repeated.map(([s, n]) => `"${s}" ×${n}`);
  assert.deepEqual(twice, [], `a sentence said twice on "${title}"${where ? ` (${where})` : ''}:\n${sentences.join('\n')}`);
}

/** Every axe finding so far, written out for the report. */
const findings = {};
const REPORT = join(SCREENSHOT_DIR, 'axe-report.json');

/**
 * The evidence for one screen: axe inside the webview (zero serious or critical violations
 * asserted) and a screenshot named `<screen>-<size>-<theme>.png`.
 */
export async function evidence(session, screen, { size, theme }) {
  const name = `${screen}-${size.name}-${theme}`;
  // Let transitions and late text settle before judging the screen.
  await new Promise((r) => setTimeout(r, 150));
  const violations = await runAxe(session);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (existsSync(REPORT) && Object.keys(findings).length === 0) {
    Object.assign(findings, JSON.parse(readFileSync(REPORT, 'utf8')));
  }
  findings[name] = violations;
  writeFileSync(REPORT, JSON.stringify(findings, null, 2));
  await saveScreenshot(session, name);
  await assertTouchTargets(session, name);
  await assertNoSentenceTwice(session, name);
  const bad = serious(violations);
  assert.deepEqual(bad, [], `axe found serious or critical problems on ${name}: ${JSON.stringify(bad, null, 2)}`);
  return violations;
}

/**
 * The screen with the person's text at 200 % (the root font size, as a phone's text-size
 * setting does): nothing runs off the side, no word in the bottom bar is cut (the bar shows
 * whole words or, when they cannot fit, its icons with the words kept for screen readers), and
 * chart labels grow with the text. Photographed as `<screen>-text200-<size>-<theme>`.
 */
export async function atText200(session, screen, look) {
  const before = await session.execute(
    `return [...document.querySelectorAll('.chart .label')].map((l) => parseFloat(getComputedStyle(l).fontSize));`,
  );
  await session.execute(`document.documentElement.style.fontSize = '200%'; return true;`);
  try {
    await session.waitFor(
      `() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`,
      5000,
      'a frame at 200 % text',
    );
    const check = await session.execute(`
      const bar = document.querySelector('.bar');
      // A label is cut when it overflows, or broken when it takes more lines than it has words.
      const lines = (l) => { const r = document.createRange(); r.selectNodeContents(l); return new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size; };
      const cut = bar && !bar.classList.contains('compact')
        ? [...bar.querySelectorAll('.label')]
            .filter((l) => l.scrollWidth > l.clientWidth + 1 || lines(l) > l.textContent.trim().split(/\s+/).length)
            .map((l) => l.textContent)
        : [];
      const W = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((e) => (e.getBoundingClientRect().right > W + 1 || e.scrollWidth > e.clientWidth + 1) && !e.closest('.visually-hidden, .bar.compact .label'))
        .slice(-6)
        .map((e) => e.outerHTML.slice(0, 160));
      return {
        wide,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        cut,
        labels: [...document.querySelectorAll('.chart .label')].map((l) => parseFloat(getComputedStyle(l).fontSize)),
      };`);
    assert.ok(check.overflow <= 1, `${screen}: no sideways scrolling at 200 % text (overflow ${check.overflow}px): ${check.wide.join('\n')}`);
    assert.deepEqual(check.cut, [], `${screen}: the bottom bar's words are whole at 200 % text`);
    check.labels.forEach((px, i) => {
      assert.ok(px >= 1.9 * (before[i] ?? 0), `${screen}: chart label ${i} grew with the text (${before[i]}px → ${px}px)`);
    });
    await evidence(session, `${screen}-text200`, look);
  } finally {
    await session.execute(`document.documentElement.style.fontSize = ''; return true;`);
  }
}

export async function h1(session) {
  return session.execute(`return document.querySelector('h1')?.textContent?.trim() ?? '';`);
}

export async function waitH1(session, pattern, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await h1(session);
    if (pattern.test(text)) {
      await assertNoSentenceTwice(session, `arriving at ${pattern}`);
      return text;
    }
    if (Date.now() > deadline) throw new Error(`The screen never said ${pattern} (h1: "${text}")`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The most taps from confirming the recovery code to the first step (issue 18). */
export const TAPS_TO_FIRST_STEP = 4;

/** Onboarding without evidence, for journeys that start after it: passphrase, recovery code,
 * one value (the optional check-in left as it is). Ends on Today's first step, and asserts it
 * took at most TAPS_TO_FIRST_STEP taps after the code was confirmed. */
export async function onboard(session) {
  await waitH1(session, /Welcome to Thaw/);
  await click(session, '[data-testid="begin"]');
  await waitH1(session, /Choose a passphrase/);
  await type(session, '#new-passphrase', PASSPHRASE);
  await type(session, '#passphrase-again', PASSPHRASE);
  await waitEnabled(session, '[data-testid="create"]');
  await click(session, '[data-testid="create"]');
  const code = await textOf(session, '[data-testid="recovery-code"]');
  await type(session, '#last-group', code.trim().split(/[\s-]+/).at(-1));
  await waitEnabled(session, '[data-testid="kept-code"]');
  await click(session, '[data-testid="kept-code"]');
  const confirmed = tapCount(session);
  await waitH1(session, /What matters to you/);
  await click(session, '[data-testid="area-relationships"]');
  await click(session, '[data-testid="areas-continue"]');
  await waitH1(session, /In your own words/);
  await type(session, '[data-testid="value-words"]', VALUE_WORDS);
  await session.find('[data-testid="starter"]');
  await click(session, '[data-testid="save-value"]');
  await session.find('[data-testid="offer"]', 20000);
  await waitH1(session, /One small step/);
  const taps = tapCount(session) - confirmed;
  assert.ok(taps <= TAPS_TO_FIRST_STEP, `the first step came ${taps} taps after the recovery code was confirmed`);
  return code;
}

/** From the lock screen back in with the passphrase. */
export async function unlock(session) {
  await waitH1(session, /Welcome back/);
  await type(session, '#unlock-passphrase', PASSPHRASE);
  await waitEnabled(session, '[data-testid="unlock"]', 60000);
  await click(session, '[data-testid="unlock"]');
  await waitH1(session, /One small step|Rest counts|How is your energy/, 30000);
}

/** Calls a Thaw command straight through the IPC bridge (for asserting what the core holds). */
export async function invoke(session, command, args = {}) {
  const result = await session.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke(${JSON.stringify(command)}, ${JSON.stringify(args)})
       .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error }));`,
  );
  if (!result?.ok) throw new Error(`${command} failed: ${JSON.stringify(result?.error)}`);
  return result.value;
}
