// "What matters to you" as a tired person edits it on a phone: a step ladder emptied by
// mistake is refused kindly, and the refusal shows where they are (beside "Save steps", in
// view), not at the top of a page they have scrolled down; what they typed stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Desktop, PHONE, openApp, freshDataDir, removeDataDir } from './lib/harness.mjs';
import { click, evidence, onboard, waitH1 } from './lib/thaw.mjs';

let desktop;
let driver;
let session;
let dir;

before(async () => {
  desktop = await Desktop.start();
  driver = await desktop.driver();
  dir = freshDataDir('values');
});

after(async () => {
  await session?.quit();
  await desktop?.stop();
  if (dir) removeDataDir(dir);
});

test('a refused edit says why beside the form, in view, and keeps the form open', async () => {
  session = await openApp(driver, dir, PHONE);
  await onboard(session);
  await click(session, '[data-testid="tab-more"]');
  await click(session, '[data-testid="go-values"]');
  await waitH1(session, /What matters to you/);
  await click(session, '[data-testid="edit-steps"]');
  await session.find('[data-testid="rung-input"]');
  await session.execute(`
    document.querySelectorAll('[data-testid="rung-input"]').forEach((i) => { i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); });
    return true;`);
  await click(session, '[data-testid="save-steps"]');
  const seen = await session.waitFor(
    `() => {
      const errors = [...document.querySelectorAll('main .error')];
      if (!errors.length) return null;
      const save = document.querySelector('[data-testid="save-steps"]');
      return errors.map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent.trim(), inView: r.top >= 0 && r.bottom <= innerHeight, besideForm: !!save && e.closest('form') === save.closest('form') };
      });
    }`,
    10000,
    'the refusal',
  );
  assert.equal(seen.length, 1, `said once: ${JSON.stringify(seen)}`);
  assert.match(seen[0].text, /\S/);
  assert.ok(seen[0].besideForm, `the refusal is in the form that was saved: ${JSON.stringify(seen)}`);
  assert.ok(seen[0].inView, `the refusal is on screen where the person is: ${JSON.stringify(seen)}`);
  assert.equal(await session.exists('[data-testid="save-steps"]'), true, 'the form stays open');
  await evidence(session, 'values-steps-refused', { size: PHONE, theme: 'light' });
});
