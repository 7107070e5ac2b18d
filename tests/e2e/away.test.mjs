// Thaw locks when it leaves the screen for longer than the person's grace, and not for a
// glance away. On desktop "leaving" is the window minimised or hidden (closed to the tray);
// here a window manager's minimise is done from outside (tests/e2e/lib/x11.py), and the
// close button hides Thaw when "keep running" is on. The grace comes from Settings (one
// minute unless changed); the test sets short ones through the same save the screen uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { Desktop, PHONE, ROOT, openApp, appBinary, freshDataDir, removeDataDir, saveScreenshot } from './lib/harness.mjs';
import { click, waitText, waitH1, onboard, unlock, invoke, evidence } from './lib/thaw.mjs';

let desktop;
let driver;
const dirs = [];
const started = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  desktop = await Desktop.start();
  driver = await desktop.driver();
});

after(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await desktop?.stop();
  for (const dir of dirs) removeDataDir(dir);
});

/** The one Thaw process on `dir` (found by its --data-dir, checked to be our binary). */
async function thawPid(dir) {
  const binary = realpathSync(appBinary());
  const deadline = Date.now() + 20000;
  for (;;) {
    let pids = [];
    try {
      pids = execFileSync('pgrep', ['-f', '--', `--data-dir=${dir}`])
        .toString()
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
    } catch {
      /* none yet */
    }
    if (pids.length === 1) return pids[0];
    if (Date.now() > deadline) throw new Error(`expected one Thaw on ${dir}, found ${pids}`);
    await sleep(100);
  }
}

function x11(command, pid) {
  return execFileSync('/usr/bin/python3', [join(ROOT, 'tests/e2e/lib/x11.py'), command, String(pid)], { env: desktop.env() })
    .toString()
    .trim();
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

/** What the core holds, asked through the IPC bridge (works while the window is away). */
async function vault(session) {
  return (await invoke(session, 'status')).vault;
}

/** Waits for the vault to reach `state` ('locked' or 'unlocked'), as the outcome, not a time. */
async function waitVault(session, state, ms = 60000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const now = await vault(session);
    if (now === state) return;
    if (Date.now() > deadline) throw new Error(`the vault stayed ${now}, not ${state}`);
    await sleep(200);
  }
}

async function setGrace(session, seconds) {
  const settings = await invoke(session, 'settings');
  await invoke(session, 'save_settings', { input: { ...settings, lock_away_seconds: seconds } });
  assert.equal((await invoke(session, 'settings')).lock_away_seconds, seconds);
}

test('minimised past the grace Thaw locks while away and shows the lock screen on return; a glance away does not lock', async () => {
  const dir = freshDataDir('away');
  dirs.push(dir);
  const session = await openApp(driver, dir, PHONE);
  try {
    await onboard(session);
    const pid = await thawPid(dir);

    // The person's setting, as Settings shows it: one minute unless changed.
    assert.equal((await invoke(session, 'settings')).lock_away_seconds, 60);
    await click(session, '[data-testid="tab-more"]');
    await waitH1(session, /^More$/);
    await click(session, '[data-testid="go-settings"]');
    await waitH1(session, /Settings/);
    await waitText(session, '[data-testid="lock-away"] option:checked', /Lock after 1 minute away/);
    await session.execute(`document.querySelector('[data-testid="lock-away"]').scrollIntoView({ block: 'center' }); return true;`);
    await evidence(session, 'settings-lock-away', { size: PHONE, theme: 'light' });

    // A glance away (a message answered) within a long grace: still open on return.
    await setGrace(session, 30);
    x11('minimise', pid);
    await waitWindow(pid, 'unmapped');
    await sleep(2500);
    assert.equal(await vault(session), 'unlocked', 'Thaw locked during a glance away');
    x11('restore', pid);
    await waitWindow(pid, 'viewable');
    await sleep(2500);
    assert.equal(await vault(session), 'unlocked', 'Thaw locked on return from a glance away');

    // Away past a short grace: locked while still out of sight (the key is gone before the
    // person comes back), and the lock screen is what shows on return.
    await setGrace(session, 2);
    x11('minimise', pid);
    await waitWindow(pid, 'unmapped');
    await waitVault(session, 'locked');
    assert.equal(x11('state', pid), 'unmapped', 'Thaw locked only once it came back');
    x11('restore', pid);
    await waitWindow(pid, 'viewable');
    await waitH1(session, /Welcome back/);
    await saveScreenshot(session, 'away-locked-on-return-phone');
    await unlock(session);
  } finally {
    await session.quit();
  }
});

test('closed to the tray past the grace Thaw locks; opened again it asks for the passphrase', async () => {
  const dir = freshDataDir('away-tray');
  dirs.push(dir);
  const session = await openApp(driver, dir, PHONE);
  try {
    await onboard(session);
    const pid = await thawPid(dir);
    const settings = await invoke(session, 'settings');
    await invoke(session, 'save_settings', { input: { ...settings, keep_running_in_background: true, lock_away_seconds: 2 } });

    // The close button hides Thaw (it keeps running for reminders).
    for (let attempt = 0; attempt < 4 && x11('state', pid) !== 'unmapped'; attempt++) {
      x11('close', pid);
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && x11('state', pid) !== 'unmapped') await sleep(100);
    }
    await waitWindow(pid, 'unmapped');
    await waitVault(session, 'locked');
    assert.ok(existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z '), 'Thaw quit instead of hiding');

    // Opened again from the launcher: the running Thaw comes forward, locked.
    const second = spawn(appBinary(), [`--data-dir=${dir}`], { env: desktop.env(), stdio: 'ignore' });
    started.push(second);
    const code = await Promise.race([new Promise((r) => second.on('exit', (c) => r(c))), sleep(30000).then(() => 'still running')]);
    assert.equal(code, 0, 'the second launch did not hand over');
    await waitWindow(pid, 'viewable');
    await waitH1(session, /Welcome back/);
    await unlock(session);
  } finally {
    await session.quit();
  }
});
