// The journal as a tired person meets it after a long night of writing: an entry of the full
// 20,000 characters (pasted) is kept whole, but in the list it shows its first lines with
// "Read all", so "Write something" and the entries below stay a short scroll away; "Read all"
// shows every word and "Show less" folds it again. A short entry has nothing to unfold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Desktop, PHONE, DESKTOP, openApp, freshDataDir, removeDataDir } from './lib/harness.mjs';
import { atText200, click, evidence, onboard, type, waitH1, waitText, invoke } from './lib/thaw.mjs';

let desktop;
let driver;
let session;
let dir;

before(async () => {
  desktop = await Desktop.start();
  driver = await desktop.driver();
  dir = freshDataDir('journal');
});

after(async () => {
  await session?.quit();
  await desktop?.stop();
  if (dir) removeDataDir(dir);
});

// Every sentence its own (the screen check finds a sentence said twice), 20,000 characters in all.
const LONG = Array.from({ length: 900 }, (_, i) => `Night note ${i + 1}, and I kept writing.`).join(' ').slice(0, 20000).trim();

/** Where things are on the journal list, in CSS px from the top of the page. */
function layout() {
  return session.execute(`
    const entries = [...document.querySelectorAll('[data-testid="journal-entries"] > li')];
    const top = (el) => el.getBoundingClientRect().top + scrollY;
    const text = (li) => li.querySelector('.entry-text');
    return {
      screen: innerHeight,
      heading: top(document.querySelector('h1')),
      write: top(document.querySelector('[data-testid="journal-new"]')),
      entries: entries.map((li) => ({
        height: li.getBoundingClientRect().height,
        whole: text(li).scrollHeight <= text(li).clientHeight + 1,
        readAll: li.querySelector('[data-testid="journal-read-all"]')?.textContent.trim() ?? null,
        expanded: li.querySelector('[data-testid="journal-read-all"]')?.getAttribute('aria-expanded') ?? null,
      })),
    };`);
}

test('a very long entry is kept whole and folded in the list; "Write something" stays in reach', async () => {
  session = await openApp(driver, dir, PHONE);
  await onboard(session);
  await click(session, '[data-testid="tab-journal"]');
  await waitH1(session, /^Journal$/);
  await click(session, '[data-testid="journal-new"]');
  await waitH1(session, /New entry/);
  // As a paste: the whole text lands at once.
  await session.execute(
    `const t = document.querySelector('[data-testid="journal-text"]'); t.value = arguments[0]; t.dispatchEvent(new Event('input', { bubbles: true })); return true;`,
    [LONG],
  );
  await click(session, '[data-testid="journal-save"]');
  await waitText(session, '[data-testid="journal-said"]', /^Saved in your journal\.$/);
  await click(session, '[data-testid="journal-new"]');
  await type(session, '[data-testid="journal-text"]', 'A short one.');
  await click(session, '[data-testid="journal-save"]');
  await waitText(session, '[data-testid="journal-said"]', /^Saved in your journal\.$/);

  const stored = await invoke(session, 'journal');
  assert.equal(stored.find((e) => e.text.length > 1000)?.text, LONG, 'the long entry is kept whole');

  for (const size of [PHONE, DESKTOP]) {
    await session.setWindowSize(size.width, size.height);
    await session.waitFor(`() => innerWidth === ${size.width}`, 10000, `${size.name} size`);
    await session.waitFor(`() => document.querySelector('[data-testid="journal-entries"] > li:nth-child(2)')`, 10000, 'both entries');
    let at = await layout();
    // Newest first: the short one, then the long one.
    const [short, long] = at.entries;
    assert.equal(short.readAll, null, 'a short entry has nothing to unfold');
    assert.ok(short.whole);
    assert.equal(long.readAll, 'Read all', `the long entry offers "Read all" (${JSON.stringify(long)})`);
    assert.equal(long.expanded, 'false');
    assert.ok(!long.whole, 'folded, the long entry shows its first lines');
    assert.ok(long.height < at.screen * 0.8, `a folded entry is shorter than the screen (${long.height}px of ${at.screen})`);
    assert.ok(at.write - at.heading < at.screen * 1.5, `"Write something" is a short scroll away (${at.write - at.heading}px below the heading)`);
    await evidence(session, 'journal-long-entry', { size, theme: 'light' });
    if (size === PHONE) await atText200(session, 'journal-long-entry', { size, theme: 'light' });

    await click(session, '[data-testid="journal-read-all"]');
    await session.waitFor(`() => document.querySelector('[data-testid="journal-read-all"]')?.getAttribute('aria-expanded') === 'true'`, 5000, 'Read all to unfold');
    at = await layout();
    assert.ok(at.entries[1].whole, 'Read all shows every word');
    assert.equal(at.entries[1].readAll, 'Show less');
    await click(session, '[data-testid="journal-read-all"]');
    await session.waitFor(`() => document.querySelector('[data-testid="journal-read-all"]')?.getAttribute('aria-expanded') === 'false'`, 5000, 'Show less to fold');
    at = await layout();
    assert.ok(!at.entries[1].whole, 'Show less folds it again');
    assert.equal(at.entries[1].readAll, 'Read all');
  }
});
