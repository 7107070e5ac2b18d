// Steps a person takes in Thaw, for the journeys: small helpers over the WebDriver session.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAxe, serious, saveScreenshot, SCREENSHOT_DIR } from './harness.mjs';

export const PASSPHRASE = 'quiet river lamp seventeen';
export const VALUE_WORDS = 'Being there for my sister';

export async function click(session, selector) {
  const el = await session.find(selector, 20000);
  // As a person would: scroll it to the middle of the screen first, clear of the bottom bar.
  await session.execute(`document.querySelector(${JSON.stringify(selector)})?.scrollIntoView({ block: 'center' }); return true;`);
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
  const bad = serious(violations);
  assert.deepEqual(bad, [], `axe found serious or critical problems on ${name}: ${JSON.stringify(bad, null, 2)}`);
  return violations;
}

export async function h1(session) {
  return session.execute(`return document.querySelector('h1')?.textContent?.trim() ?? '';`);
}

export async function waitH1(session, pattern, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await h1(session);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`The screen never said ${pattern} (h1: "${text}")`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
