// Nothing lost, from outside, against the real app: one Thaw per data folder (a second launch
// hands over, any other process is refused); "keep running" takes effect at once; after a
// clean quit the write-ahead log is empty and thaw.db copied alone opens with everything; a
// store that opens older than it was is said, never onboarded over, and left as it was; a
// damaged thaw.db with its log present is left byte for byte; SIGKILL during a backup and a
// restore leaves nothing after a restart; a refused restore keeps the person in; a draft typed
// when auto-lock fires comes back, and the lock counts from the last keystroke; and on a full
// disk every write is either stored or refused with the text kept and the device-full words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { Desktop, PHONE, DESKTOP, ROOT, openApp, appBinary, freshDataDir, removeDataDir } from './lib/harness.mjs';
import { PASSPHRASE, click, type, waitText, waitEnabled, evidence, waitH1, onboard, unlock, invoke } from './lib/thaw.mjs';
import { chooseInDialog } from './lib/file_dialog.mjs';

const LOOK = { size: PHONE, theme: 'light' };
const DEVICE_FULL = /This device is full\. Free some space, then try again — what you wrote is still here\./;

let desktop;
let driver;
const dirs = [];
const started = [];
const mounts = [];

function dataDir(label) {
  const dir = freshDataDir(label);
  dirs.push(dir);
  return dir;
}

before(async () => {
  desktop = await Desktop.start();
  driver = await desktop.driver();
});

after(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await desktop?.stop();
  for (const m of mounts) {
    try {
      execFileSync('umount', ['-l', m]);
    } catch {
      /* already gone */
    }
  }
  for (const dir of dirs) removeDataDir(dir);
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Thaw processes running on `dir` (found by their --data-dir, checked to be our binary). */
function thawPids(dir) {
  let out = '';
  try {
    out = execFileSync('pgrep', ['-f', '--', `--data-dir=${dir}`]).toString();
  } catch {
    return [];
  }
  const binary = realpathSync(appBinary());
  return out
    .trim()
    .split('\n')
    .map(Number)
    .filter((pid) => {
      try {
        return realpathSync(`/proc/${pid}/exe`) === binary;
      } catch {
        return false;
      }
    });
}

async function onePid(dir) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const pids = thawPids(dir);
    if (pids.length === 1) return pids[0];
    if (Date.now() > deadline) throw new Error(`expected one Thaw on ${dir}, found ${pids}`);
    await sleep(100);
  }
}

async function waitGone(pid, ms = 20000, what = 'Thaw to end') {
  const deadline = Date.now() + ms;
  while (existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ')) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A person's hand on the window: close it as its close button does, or read whether it shows. */
function x11(command, pid) {
  return execFileSync('/usr/bin/python3', [join(ROOT, 'tests/e2e/lib/x11.py'), command, String(pid)], {
    env: desktop.env(),
  })
    .toString()
    .trim();
}

/**
 * Closes Thaw's window as a person does, and waits for `outcome`: the window hidden
 * ('unmapped') or Thaw ended ('gone'). Under WebDriver automation the window now and then
 * does not act on a close message at all (about 1 in 35 here; never without a driver), so,
 * like a person whose click did nothing, it closes again after a while.
 */
async function closeWindow(pid, outcome) {
  for (let attempt = 0; attempt < 4; attempt++) {
    x11('close', pid);
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      const gone = !existsSync(`/proc/${pid}`) || readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
      if (outcome === 'gone' ? gone : !gone && x11('state', pid) === outcome) return;
      await sleep(100);
    }
  }
  throw new Error(`closing the window never left Thaw ${outcome}`);
}

async function waitWindow(pid, state, ms = 20000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const now = x11('state', pid);
    if (now === state) return;
    if (Date.now() > deadline) throw new Error(`the window stayed ${now}, not ${state}`);
    await sleep(100);
  }
}

/**
 * Opens Thaw through WebDriver. These journeys kill Thaw under the driver on purpose; should
 * the driver go with it, a new one takes its place once.
 */
async function open(dir, size = PHONE, args = []) {
  try {
    return await openApp(driver, dir, size, args);
  } catch (error) {
    if (driver.process.exitCode === null && !/fetch failed/.test(String(error?.message ?? error))) throw error;
    driver = await desktop.driver();
    return openApp(driver, dir, size, args);
  }
}

/** Starts a Thaw process directly (not through WebDriver), collecting what it says. */
function launch(dir, env = {}) {
  const child = spawn(appBinary(), [`--data-dir=${dir}`], { env: desktop.env(env), stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  child.out = '';
  child.err = '';
  child.stdout.on('data', (c) => (child.out += c));
  child.stderr.on('data', (c) => (child.err += c));
  child.exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return child;
}

function storeFiles(dir) {
  const store = join(dir, 'store');
  return Object.fromEntries(
    readdirSync(store)
      .filter((n) => !n.startsWith('.'))
      .map((n) => [n, createHash('sha256').update(readFileSync(join(store, n))).digest('hex')]),
  );
}

async function writeJournal(session, text) {
  await click(session, '[data-testid="tab-journal"]');
  await waitH1(session, /^Journal$|New entry/);
  if (!(await session.exists('[data-testid="journal-text"]'))) await click(session, '[data-testid="journal-new"]');
  await type(session, '[data-testid="journal-text"]', text);
  await click(session, '[data-testid="journal-save"]');
}

async function journalTexts(session) {
  return (await invoke(session, 'journal')).map((e) => e.text);
}

async function openSettings(session) {
  await click(session, '[data-testid="tab-more"]');
  await waitH1(session, /^More$/);
  await click(session, '[data-testid="go-settings"]');
  await waitH1(session, /Settings/);
  // The form comes once the settings are read.
  await session.find('#per-day', 20000);
}

/** The probe helper (thaw-store's open probe): a plain script opening the folder. */
function probe(dir) {
  const bin = join(ROOT, 'target', 'debug', 'thaw-store-open-probe');
  if (!existsSync(bin)) {
    execFileSync('cargo', ['build', '--workspace', '--features', 'custom-protocol', '--bin', 'thaw-store-open-probe'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  return execFileSync(bin, [dir, PASSPHRASE]).toString().trim();
}

/** Quits as a person does with "keep running" off: closing the window ends Thaw. */
async function quitByClosing(session, pid) {
  await closeWindow(pid, 'gone');
  await session.quit();
}

test('one Thaw per data folder: a second launch hands over, any other process is refused, nothing acknowledged is lost', async () => {
  const dir = dataDir('one-per-folder');
  const session = await open(dir);
  try {
    await onboard(session);
    const pid = await onePid(dir);
    await writeJournal(session, 'The walk felt easier today');
    await waitText(session, '.said', /Saved in your journal/);

    // "Keep running" on, and the window closed at once: Thaw stays, in the tray, hidden.
    await openSettings(session);
    await click(session, '[data-testid="keep-running"]');
    await click(session, '[data-testid="save-settings"]');
    await waitText(session, '[data-testid="settings-said"]', /Saved/);
    await closeWindow(pid, 'unmapped');
    await sleep(1000);
    assert.ok(existsSync(`/proc/${pid}`), 'closing right after turning "keep running" on quit Thaw');

    // Opened again from the launcher: the second process hands over to the first and ends;
    // the first one's window comes back, as it was.
    const second = launch(dir);
    const { code } = await Promise.race([second.exited, sleep(30000).then(() => ({ code: 'still running' }))]);
    assert.equal(code, 0, `the second launch did not hand over: ${second.err}`);
    await waitWindow(pid, 'viewable');
    assert.deepEqual(thawPids(dir), [pid], 'a second Thaw is running on the folder');
    await waitH1(session, /Settings/);

    // Started differently (another session bus: the hand-over cannot see the first one), a
    // second Thaw on the same folder is refused, on stderr and on its screen.
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    started.push(bus);
    const otherBus = await new Promise((resolve) => {
      let out = '';
      bus.stdout.on('data', (c) => {
        out += c;
        if (out.includes('\n')) resolve(out.trim());
      });
    });
    const other = launch(dir, { DBUS_SESSION_BUS_ADDRESS: otherBus });
    const deadline = Date.now() + 30000;
    while (!/already open/.test(other.err) && Date.now() < deadline) await sleep(100);
    assert.match(other.err, /Thaw is already open on this device/, `stderr said: ${other.err}`);
    other.kill('SIGKILL');
    await other.exited;
    const otherDriver = await desktop.driver({ DBUS_SESSION_BUS_ADDRESS: otherBus });
    const refused = await openApp(otherDriver, dir, PHONE);
    try {
      await waitH1(refused, /Thaw could not open just now/);
      await waitText(refused, '[role="alert"]', /already open on this device/);
      await evidence(refused, 'in-use', LOOK);
      // The crisis sheet still opens on the refused screen.
      await click(refused, '[data-testid="crisis-open"]');
      await waitText(refused, '#crisis', /988/);
    } finally {
      await refused.quit();
    }
    // A plain script opening the folder is refused too.
    assert.equal(probe(dir), 'error in_use');

    // Nothing the first one acknowledged is lost; it keeps working.
    assert.deepEqual(thawPids(dir), [pid]);
    await writeJournal(session, 'A second entry after all that');
    await waitText(session, '.said', /Saved in your journal/);
    assert.deepEqual((await journalTexts(session)).sort(), ['A second entry after all that', 'The walk felt easier today']);

    // A clean quit: "keep running" off, the window closed. The log is then empty (or gone),
    // and the database file copied on its own opens with everything.
    await openSettings(session);
    await click(session, '[data-testid="keep-running"]');
    await click(session, '[data-testid="save-settings"]');
    await waitText(session, '[data-testid="settings-said"]', /Saved/);
    await quitByClosing(session, pid);
    const wal = join(dir, 'store', 'thaw.db-wal');
    const walBytes = existsSync(wal) ? statSync(wal).size : 0;
    assert.equal(walBytes, 0, `after a clean quit the log holds ${walBytes} bytes`);
    const copy = dataDir('copied-alone');
    mkdirSync(join(copy, 'store'));
    for (const name of ['thaw.db', 'vault.json', 'high-water']) copyFileSync(join(dir, 'store', name), join(copy, 'store', name));
    const reopened = await open(copy);
    try {
      await unlock(reopened);
      assert.deepEqual((await journalTexts(reopened)).sort(), ['A second entry after all that', 'The walk felt easier today']);
    } finally {
      await reopened.quit();
    }
  } finally {
    await session.quit();
  }
});

test('a store that opens older than it was is said, never onboarded over, and kept as it was', async () => {
  const dir = dataDir('older');
  let session = await open(dir);
  let pid;
  try {
    await onboard(session);
    pid = await onePid(dir);
    await quitByClosing(session, pid);
  } finally {
    await session.quit();
  }
  // Kept aside: the database as it was with one value and no journal.
  const older = readFileSync(join(dir, 'store', 'thaw.db'));

  session = await open(dir);
  try {
    await unlock(session);
    pid = await onePid(dir);
    for (const words of ['Being outside', 'Making things']) {
      await invoke(session, 'add_value', { input: { area: 'play_interests_creativity', words, library_keys: [] } });
    }
    for (let i = 0; i < 3; i++) {
      await invoke(session, 'add_journal', { input: { text: `entry ${i}`, prompt: null, session_id: null, to_discuss: false } });
    }
    await quitByClosing(session, pid);
  } finally {
    await session.quit();
  }
  // The older database file put back (a copy from before, as a file-copy tool might).
  writeFileSync(join(dir, 'store', 'thaw.db'), older);
  const before = storeFiles(dir);

  for (const size of [PHONE, DESKTOP]) {
    session = await open(dir, size);
    try {
      await waitH1(session, /Welcome back/);
      await type(session, '#unlock-passphrase', PASSPHRASE);
      await waitEnabled(session, '[data-testid="unlock"]', 60000);
      await click(session, '[data-testid="unlock"]');
      await waitH1(session, /Some of your things are not here/, 30000);
      const list = await waitText(session, '[data-testid="shortfall-list"]', /journal entries/);
      assert.match(list, /all 3 of your journal entries/);
      assert.match(list, /2 of your 3 values/);
      assert.ok(!(await session.exists('[data-testid="area-relationships"]')), 'onboarding started over existing data');
      await evidence(session, 'shortfall', { size, theme: 'light' });
      if (size === DESKTOP) break;
      pid = await onePid(dir);
      await quitByClosing(session, pid);
    } finally {
      if (size === PHONE) await session.quit();
    }
    // Nothing was written while Thaw showed what it found.
    assert.deepEqual(storeFiles(dir), before, 'the files changed while Thaw waited for the person');
  }
  try {
    // Carrying on with what is here: Thaw opens, and from now on this is the baseline.
    await click(session, '[data-testid="held-carry-on"]');
    await click(session, '[data-testid="held-accept"]');
    await waitH1(session, /One small step|Rest counts|How is your energy/, 30000);
    assert.equal((await invoke(session, 'values')).length, 1);
    assert.equal((await invoke(session, 'status')).shortfall, null);
  } finally {
    await session.quit();
  }
});

test('a damaged thaw.db with its log present is left exactly as it was', async () => {
  const dir = dataDir('damaged');
  let session = await open(dir);
  try {
    await onboard(session);
    for (let i = 0; i < 20; i++) {
      await invoke(session, 'add_journal', { input: { text: `entry ${i} ${'words '.repeat(40)}`, prompt: null, session_id: null, to_discuss: false } });
    }
    // Killed at once, mid-use: the log and its index stay beside the database.
    process.kill(await onePid(dir), 'SIGKILL');
  } finally {
    await session.quit();
  }
  const store = join(dir, 'store');
  assert.ok(existsSync(join(store, 'thaw.db-wal')), 'no log beside the database');
  // Every page of the database file damaged (pages the log holds still read fine).
  const db = readFileSync(join(store, 'thaw.db'));
  for (let page = 4096; page + 1016 < db.length; page += 4096) for (let i = 1000; i < 1016; i++) db[page + i] ^= 0x5a;
  writeFileSync(join(store, 'thaw.db'), db);
  const before = storeFiles(dir);

  session = await open(dir);
  try {
    await waitH1(session, /Welcome back/);
    await type(session, '#unlock-passphrase', PASSPHRASE);
    await waitEnabled(session, '[data-testid="unlock"]', 60000);
    await click(session, '[data-testid="unlock"]');
    const said = await waitText(session, '[data-testid="unlock-error"]', /left exactly as it was/, 30000);
    assert.match(said, /could not read its data file/);
    await evidence(session, 'damaged', LOOK);
    assert.deepEqual(storeFiles(dir), before, 'the database, its log or its index changed');
  } finally {
    await session.quit();
  }
  assert.deepEqual(storeFiles(dir), before, 'closing Thaw changed the damaged files');
});

/** Waits until a file is there and whole (a backup is written atomically: it appears complete). */
async function waitUntilFile(path) {
  const deadline = Date.now() + 60000;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} was never written`);
    await sleep(100);
  }
}

function leftovers(dir) {
  const names = [...readdirSync(dir), ...readdirSync(join(dir, 'store'))];
  return names.filter((n) => /^(\.backup-snapshot-|\.thaw-staging-|\.thaw-previous-store|\.tmp-)/.test(n));
}

test('SIGKILL during a backup and during a restore leaves nothing after a restart', async () => {
  const dir = dataDir('killed');
  const backups = dataDir('killed-backups');
  let session = await open(dir, PHONE, [`--backup-dir=${backups}`]);
  let backup;
  try {
    await onboard(session);
    // Enough to take a moment to copy and seal.
    for (let i = 0; i < 150; i++) {
      await invoke(session, 'add_journal', { input: { text: `entry ${i} ${'many words here '.repeat(120)}`, prompt: null, session_id: null, to_discuss: false } });
    }
    backup = join(backups, 'whole.thawbackup');
    await session.execute(`window.__TAURI_INTERNALS__.invoke('backup'); return true;`);
    await chooseInDialog(desktop, 'Save a Thaw backup', backup, 'save');
    await waitUntilFile(backup);
  } finally {
    await session.quit();
  }

  for (const what of ['backup', 'restore']) {
    let left = [];
    for (let attempt = 0; attempt < 12 && left.length === 0; attempt++) {
      session = await open(dir, PHONE, [`--backup-dir=${backups}`]);
      try {
        await unlock(session);
        const pid = await onePid(dir);
        // Started through the real dialogs, and killed the moment its working files appear.
        let chosen;
        if (what === 'backup') {
          await session.execute(`window.__TAURI_INTERNALS__.invoke('backup'); return true;`);
          chosen = chooseInDialog(desktop, 'Save a Thaw backup', join(backups, `killed-${attempt}.thawbackup`), 'save');
        } else {
          await session.execute(`window.__TAURI_INTERNALS__.invoke('choose_backup_file'); return true;`);
          await chooseInDialog(desktop, 'Choose your Thaw backup', backup, 'open');
          await session.execute(`window.__TAURI_INTERNALS__.invoke('restore', ${JSON.stringify({ input: { secret: PASSPHRASE, replace_existing: true } })}); return true;`);
        }
        const deadline = Date.now() + 30000;
        while (leftovers(dir).length === 0 && Date.now() < deadline) await sleep(2);
        process.kill(pid, 'SIGKILL');
        await waitGone(pid);
        await chosen?.catch(() => {});
      } finally {
        await session.quit();
      }
      left = leftovers(dir);
    }
    assert.ok(left.length > 0, `no ${what} was caught mid-way to leave anything`);
    // The next start clears them before anything else, and opens with everything.
    session = await open(dir, PHONE, [`--backup-dir=${backups}`]);
    try {
      await waitH1(session, /Welcome back/);
      assert.deepEqual(leftovers(dir), [], `${what}: left after a restart`);
      await unlock(session);
      assert.equal((await journalTexts(session)).length, 150);
    } finally {
      await session.quit();
    }
  }
});

test('a refused restore keeps the person in', async () => {
  const dir = dataDir('refused-restore');
  const backups = dataDir('refused-backups');
  const session = await open(dir, PHONE, [`--backup-dir=${backups}`]);
  try {
    await onboard(session);
    const backup = join(backups, 'good.thawbackup');
    await session.execute(`window.__TAURI_INTERNALS__.invoke('backup'); return true;`);
    await chooseInDialog(desktop, 'Save a Thaw backup', backup, 'save');
    await waitUntilFile(backup);
    const good = readFileSync(backup);
    const truncated = join(backups, 'truncated.thawbackup');
    writeFileSync(truncated, good.subarray(0, good.length >> 1));
    const flipped = join(backups, 'flipped.thawbackup');
    const bad = Buffer.from(good);
    bad[bad.length - 50] ^= 1;
    writeFileSync(flipped, bad);
    await openSettings(session);
    for (const [path, secret, said] of [
      [backup, 'not the passphrase it was made with', /did not open/i],
      [truncated, PASSPHRASE, /not a backup Thaw made, or it is damaged/],
      [flipped, PASSPHRASE, /not a backup Thaw made, or it is damaged/],
    ]) {
      await click(session, '[data-testid="restore-choose"]');
      await chooseInDialog(desktop, 'Choose your Thaw backup', path, 'open');
      await waitText(session, '[data-testid="restore-chosen"]', new RegExp(path.split('/').at(-1).replace('.', '\\.')));
      await type(session, '#restore-secret', secret);
      if (!(await session.execute(`return document.querySelector('[data-testid="restore-replace"]').checked;`))) {
        await click(session, '[data-testid="restore-replace"]');
      }
      await waitEnabled(session, '[data-testid="restore"]');
      await click(session, '[data-testid="restore"]');
      await waitText(session, '[data-testid="restore-form"] .error', said, 30000);
      // Still in: the same screen, and the core still open.
      await waitH1(session, /Settings/);
      assert.equal((await invoke(session, 'status')).vault, 'unlocked');
    }
    await evidence(session, 'restore-refused', LOOK);
  } finally {
    await session.quit();
  }
});

test('a draft typed when auto-lock fires comes back, and the lock counts from the last keystroke', async () => {
  const dir = dataDir('draft');
  const session = await open(dir);
  try {
    await onboard(session);
    await openSettings(session);
    await session.execute(`const s = document.querySelector('#auto-lock'); s.value = '1'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;`);
    await click(session, '[data-testid="save-settings"]');
    await waitText(session, '[data-testid="settings-said"]', /Saved/);

    await click(session, '[data-testid="tab-journal"]');
    await click(session, '[data-testid="journal-new"]');
    const field = await session.find('[data-testid="journal-text"]');
    // Typing on and off for 40 seconds, well past the 30-second window the idle clock once
    // counted from, then stopping.
    const words = 'I wanted to write down how the morning went, slowly, because it mattered: the light through the window, the tea going cold, and the call I finally made to my sister after weeks of putting it off.';
    const chunks = words.match(/.{1,24}/g);
    let lastKey = 0;
    for (const [i, chunk] of chunks.entries()) {
      if (i > 0) await sleep(5000);
      await field.type(chunk);
      lastKey = Date.now();
    }
    const typed = await session.execute(`return document.querySelector('[data-testid="journal-text"]').value;`);
    assert.equal(typed, words);

    await waitH1(session, /Welcome back/, 120000);
    const lockedAfter = (Date.now() - lastKey) / 1000;
    assert.ok(lockedAfter >= 59, `locked ${lockedAfter.toFixed(1)} s after the last keystroke (setting: 1 minute)`);
    assert.ok(lockedAfter < 80, `locked only ${lockedAfter.toFixed(1)} s after the last keystroke`);

    await type(session, '#unlock-passphrase', PASSPHRASE);
    await waitEnabled(session, '[data-testid="unlock"]', 60000);
    await click(session, '[data-testid="unlock"]');
    // Back in, Thaw offers what was being written, and takes the person back to it.
    await waitH1(session, /One small step|Rest counts|How is your energy/, 30000);
    if (await session.exists('[data-testid="checkin"]')) await click(session, '[data-testid="checkin-skip-all"]');
    await waitText(session, '[data-testid="drafts-kept"]', /kept something you were writing: a journal entry/);
    await evidence(session, 'drafts-kept', LOOK);
    await click(session, '[data-testid="draft-open-journal"]');
    await waitH1(session, /New entry/, 30000);
    await waitText(session, '[data-testid="draft-back"]', /what you were writing/);
    assert.equal(await session.execute(`return document.querySelector('[data-testid="journal-text"]').value;`), words);
    await evidence(session, 'draft-back', LOOK);
    // Saved for real, the draft goes.
    await click(session, '[data-testid="journal-save"]');
    await waitText(session, '.said', /Saved in your journal/);
    assert.deepEqual(await journalTexts(session), [words]);
    assert.deepEqual(await invoke(session, 'drafts'), []);
  } finally {
    await session.quit();
  }
});

/** A 3 MB tmpfs (root only), filled to the last byte on demand. */
function smallDisk() {
  if (process.getuid?.() !== 0) return null;
  const at = dataDir('disk');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', at]);
  mounts.push(at);
  const filler = join(at, 'filler');
  return {
    dir: join(at, 'data'),
    fill() {
      // Appending: whatever room has come free since is taken too.
      const fd = openSync(filler, 'a');
      let chunk = 1 << 16;
      const bytes = Buffer.alloc(chunk, 7);
      while (chunk > 0) {
        try {
          if (writeSync(fd, bytes, 0, chunk) < chunk) chunk >>= 1;
        } catch {
          chunk >>= 1;
        }
      }
      closeSync(fd);
    },
    free() {
      rmSync(filler);
    },
  };
}

test('on a full disk every write is stored, or refused with the text kept and the device-full words', async (t) => {
  const disk = smallDisk();
  if (!disk) {
    t.skip('mounting a small tmpfs needs root');
    return;
  }
  mkdirSync(disk.dir);
  const session = await open(disk.dir);
  try {
    await onboard(session);
    const today = await invoke(session, 'today');
    const offerId = today.decision.offer_id;
    disk.fill();

    // Through the UI: a journal entry. Refused: the words and the text stay; saved: it is listed.
    const entry = 'A full page of what I noticed today, which I do not want to lose: '.repeat(3);
    await writeJournal(session, entry);
    const outcome = await session.waitFor(
      `() => document.querySelector('[role="alert"]')?.textContent || (document.querySelector('.said')?.textContent.includes('Saved') && 'saved')`,
      20000,
      'the journal to answer',
    );
    const uiStored = outcome === 'saved';
    if (!uiStored) {
      assert.match(outcome, DEVICE_FULL);
      assert.equal(await session.execute(`return document.querySelector('[data-testid="journal-text"]').value;`), entry);
      assert.ok(!(await session.exists('.said:not(:empty)')), 'something was shown as saved');
      await evidence(session, 'device-full', LOOK);
      await session.setWindowSize(DESKTOP.width, DESKTOP.height);
      await evidence(session, 'device-full', { size: DESKTOP, theme: 'light' });
      await session.setWindowSize(PHONE.width, PHONE.height);
    }

    // The other forms through the UI: each is saved (and says so), or says the device is full
    // and keeps every word on screen, never both.
    const answer = (saidSelector, saved) =>
      session.waitFor(
        `() => {
           const full = [...document.querySelectorAll('.error')].map((e) => e.textContent).find((t) => /device is full/.test(t));
           if (full) return full;
           const said = document.querySelector(${JSON.stringify(saidSelector)})?.textContent ?? '';
           return ${saved}.test(said) && 'saved';
         }`,
        20000,
        `an answer at ${saidSelector}`,
      );
    const kept = async (selector, value) =>
      assert.equal(await session.execute(`return document.querySelector(${JSON.stringify(selector)}).value;`), value, `${selector} lost its text`);
    const uiOutcomes = {};

    disk.fill();
    await click(session, '[data-testid="tab-today"]');
    await click(session, '[data-testid="notice-open"]');
    const noticed = 'I pictured the call without the usual dread';
    await type(session, '#notice-own', noticed);
    await click(session, '#notice form.own button[type="submit"]');
    uiOutcomes.notice = await answer('[data-testid="said"]', /Noticed/);
    if (uiOutcomes.notice !== 'saved') {
      assert.match(uiOutcomes.notice, DEVICE_FULL);
      await kept('#notice-own', noticed);
      await click(session, '#notice .close');
    }

    disk.fill();
    await click(session, '[data-testid="tab-more"]');
    await click(session, '[data-testid="go-sessions"]');
    await click(session, '[data-testid="session-new"]');
    const notes = 'Felt far away for a while, then very calm. Want to tell my therapist about the image of the lake.';
    await type(session, '[data-testid="session-intention"]', 'To be kinder to myself');
    await type(session, '#session-notes', notes);
    await click(session, '[data-testid="session-save"]');
    uiOutcomes.session = await answer('[data-testid="session-said"]', /Session saved/);
    if (uiOutcomes.session !== 'saved') {
      assert.match(uiOutcomes.session, DEVICE_FULL);
      await kept('#session-notes', notes);
      await kept('[data-testid="session-intention"]', 'To be kinder to myself');
    }

    disk.fill();
    await click(session, '[data-testid="tab-more"]');
    await click(session, '[data-testid="go-safety-plan"]');
    await session.find('[data-testid="save-plan"]', 20000);
    await click(session, '[data-testid="add-warning_signs"]');
    const sign = 'I stop answering messages';
    const signField = await session.execute(`const all = document.querySelectorAll('[data-part="warning_signs"] input[data-first]'); return '#' + all[all.length - 1].id;`);
    await type(session, signField, sign);
    await click(session, '[data-testid="save-plan"]');
    uiOutcomes.plan = await answer('[data-testid="plan-said"]', /saved/);
    if (uiOutcomes.plan !== 'saved') {
      assert.match(uiOutcomes.plan, DEVICE_FULL);
      await kept(signField, sign);
    }

    disk.fill();
    await openSettings(session);
    await session.execute(`const s = document.querySelector('#per-day'); s.value = '3'; s.dispatchEvent(new Event('change', { bubbles: true })); return true;`);
    await click(session, '[data-testid="save-settings"]');
    uiOutcomes.settings = await answer('[data-testid="settings-said"]', /Saved/);
    if (uiOutcomes.settings !== 'saved') assert.match(uiOutcomes.settings, DEVICE_FULL);

    disk.fill();
    // Through IPC: every kind of write, each either acknowledged or refused as storage_full.
    const acknowledged = [];
    const refusals = [];
    const attempt = async (what, command, args) => {
      const result = await session.executeAsync(
        `const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke(${JSON.stringify(command)}, ${JSON.stringify(args)})
           .then((value) => done({ ok: true, value }), (error) => done({ ok: false, error }));`,
      );
      if (result.ok) acknowledged.push(what);
      else {
        assert.equal(result.error.kind, 'storage_full', `${what}: ${JSON.stringify(result.error)}`);
        assert.match(result.error.message, DEVICE_FULL);
        refusals.push(what);
      }
      return result;
    };
    const journalAcks = [];
    for (let i = 0; i < 40; i++) {
      const text = `ipc entry ${i} ${'so many words '.repeat(20)}`.trim();
      if ((await attempt('journal', 'add_journal', { input: { text, prompt: null, session_id: null, to_discuss: false } })).ok) journalAcks.push(text);
    }
    const responded = (await attempt('response', 'respond', { input: { offer_id: offerId, response: 'done', dread_before: null } })).ok;
    await attempt('check-in', 'check_in', { input: { energy: 'some', mood: null, room: null } });
    await attempt('notice', 'notice', { input: { value_id: null, note: 'thought of calling without dread' } });
    await attempt('value', 'add_value', { input: { area: 'mind_body_spirit', words: 'Resting without guilt', library_keys: [] } });
    const values = await invoke(session, 'values');
    await attempt('movement', 'add_movement', { input: { value_id: values[0].id, title: 'Stretch for a minute' } });
    await attempt('session', 'add_session', { input: { at: new Date().toISOString(), kind: 'intranasal', setting: 'clinic', intention: 'to rest', notes: null } });
    const phq = await attempt('questionnaire', 'submit_questionnaire', { input: { instrument: 'phq9', answers: [1, 1, 0, 0, 0, 0, 0, 0, 2] } });
    const plan = await invoke(session, 'safety_plan');
    await attempt('safety plan', 'save_safety_plan', { input: { ...plan, reasons_for_living: ['The sound of my sister laughing'] } });
    const settings = await invoke(session, 'settings');
    await attempt('settings', 'save_settings', { input: { ...settings, prompts_per_day: 3 } });
    await attempt('draft', 'save_draft', { kind: 'journal', body: JSON.stringify({ text: 'half a thought' }) });
    assert.ok(refusals.length > 0, 'the full disk refused nothing');

    // The questionnaire through the UI: question 9 above "Not at all" brings the crisis
    // options at once, saved or not.
    await click(session, '[data-testid="tab-more"]');
    await click(session, '[data-testid="go-questionnaires"]');
    await click(session, '[data-testid="take-phq9"]');
    for (let i = 0; i < 9; i++) {
      await waitText(session, '[data-testid="q-item"]', new RegExp(`^${i + 1}\\.`));
      await click(session, `[data-testid="q-option-${i === 8 ? 2 : 0}"]`);
    }
    await waitText(session, '#crisis', /988/, 20000);
    await click(session, '#crisis .close');

    // Room again: everything acknowledged is there, nothing refused is.
    disk.free();
    const texts = await journalTexts(session);
    for (const text of journalAcks) assert.ok(texts.includes(text), 'a journal entry was acknowledged and lost');
    assert.equal(texts.filter((x) => x.startsWith('ipc entry')).length, journalAcks.length, 'a refused entry was stored');
    assert.equal(texts.includes(entry.trim()), uiStored);
    const view = await invoke(session, 'today');
    assert.equal(view.moves_today, responded ? 1 : 0);
    const history = await invoke(session, 'questionnaires');
    assert.equal(history.some((q) => q.id === phq.value?.id), phq.ok);
    // And with room, the same writes go through.
    if (!uiStored) {
      // (The journal may open on a draft it kept; the entry is written over it.)
      await writeJournal(session, entry);
      await waitText(session, '.said', /Saved in your journal/);
    }
    // What the UI said was saved is there; what it refused is not.
    const plan2 = await invoke(session, 'safety_plan');
    assert.equal(plan2.warning_signs.includes(sign), uiOutcomes.plan === 'saved', 'the safety plan disagrees with what the screen said');
    const sessions = await invoke(session, 'sessions');
    assert.equal(sessions.some((x) => x.notes === notes), uiOutcomes.session === 'saved', 'the sessions disagree with what the screen said');
    console.log(
      `full disk: UI ${JSON.stringify({ journal: uiStored ? 'saved' : 'refused', ...Object.fromEntries(Object.entries(uiOutcomes).map(([k, v]) => [k, v === 'saved' ? 'saved' : 'refused'])) })}; ` +
        `IPC acknowledged ${acknowledged.length} writes (${journalAcks.length} of 40 journal entries), refused ${refusals.length} as device full`,
    );
  } finally {
    await session.quit();
  }
});
