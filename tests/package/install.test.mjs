// The package as a person gets it: installs the .deb with dpkg, checks what it put on the
// system (the binary, the launcher entry, the icons), opens the INSTALLED app in a real window
// (Xvfb, tauri-driver) and walks the first journey, then removes the package.
//
// Builds nothing: it takes THAW_DEB, or the newest .deb under target/*/bundle/deb/
// (scripts/test.sh builds a debug one with `npx tauri build --debug --bundles deb`).
// Needs root (dpkg). If a `thaw` package was installed before, it is replaced and then removed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { Desktop, PHONE, ROOT, openApp, saveScreenshot, freshDataDir, removeDataDir } from '../e2e/lib/harness.mjs';
import { PASSPHRASE, click, type, textOf, waitEnabled, waitH1 } from '../e2e/lib/thaw.mjs';

const INSTALLED = '/usr/bin/thaw';
const isRoot = process.getuid?.() === 0;

function newestDeb() {
  const found = [];
  const targets = join(ROOT, 'target');
  for (const profile of existsSync(targets) ? readdirSync(targets) : []) {
    const dir = join(targets, profile, 'bundle', 'deb');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.deb')) found.push(join(dir, f));
  }
  found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return found[0];
}

const deb = process.env.THAW_DEB ?? newestDeb();
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', ...opts });
const skip = !isRoot ? 'dpkg -i needs root' : !deb ? 'no .deb: build one with `npx tauri build --debug --bundles deb`' : false;

let desktop;
let driver;
let installed = false;

before(async () => {
  if (skip) return;
  assert.ok(existsSync(deb), `no package at ${deb}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    run('dpkg', ['-i', deb], { env, stdio: 'pipe' });
  } catch (error) {
    // Missing dependencies leave the package unconfigured; apt pulls them in and finishes.
    console.error(`dpkg -i needed help (${String(error.stderr).trim().split('\n').at(-1)}); running apt-get -f install`);
    run('apt-get', ['-f', 'install', '-y', '-qq'], { env, stdio: 'pipe' });
  }
  installed = true;
  desktop = await Desktop.start();
  driver = await desktop.driver();
});

after(async () => {
  await desktop?.stop();
  if (installed) {
    run('dpkg', ['-r', 'thaw'], { stdio: 'pipe' });
    assert.ok(!existsSync(INSTALLED), 'dpkg -r thaw removes the binary');
  }
});

test('the package installs Thaw with its own name, description, launcher entry and icons', { skip }, () => {
  const status = run('dpkg-query', ['-W', '-f=${Status}|${Version}|${Description}|${Section}', 'thaw']);
  const [state, version, description, section] = status.split('|');
  assert.equal(state, 'install ok installed');
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.match(description, /Small steps, sized to today/);
  assert.equal(section, 'misc');

  accessSync(INSTALLED, constants.X_OK);
  const files = run('dpkg', ['-L', 'thaw']).split('\n');
  assert.ok(files.includes(INSTALLED), 'the binary is /usr/bin/thaw');

  const desktopFile = files.find((f) => f.startsWith('/usr/share/applications/') && f.endsWith('.desktop'));
  assert.ok(desktopFile, `a launcher entry under /usr/share/applications (files: ${files.join(' ')})`);
  const entry = readFileSync(desktopFile, 'utf8');
  assert.match(entry, /^Name=Thaw$/m);
  assert.match(entry, /^Exec=thaw\b/m);
  assert.match(entry, /^Type=Application$/m);
  assert.match(entry, /^Categories=.*\S/m, 'a launcher category');
  assert.match(entry, /^Comment=Small steps, sized to today\.$/m);
  const icon = /^Icon=(.+)$/m.exec(entry)?.[1];
  assert.equal(icon, 'thaw');

  // The icon the entry names, in the sizes a launcher looks for, and they are real PNGs.
  const icons = files.filter((f) => /^\/usr\/share\/icons\/hicolor\/.+\/apps\/thaw\.png$/.test(f));
  assert.ok(icons.length >= 2, `icons installed: ${icons.join(' ')}`);
  for (const f of icons) {
    const png = readFileSync(f);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${f} is a PNG`);
  }
  assert.ok(icons.some((f) => f.includes('/128x128/')), 'a 128×128 icon');
});

test('the installed app opens on the welcome screen and walks the first steps', { skip }, async () => {
  process.env.THAW_APP_BINARY = INSTALLED;
  const dataDir = freshDataDir('package');
  const session = await openApp(driver, dataDir, PHONE);
  try {
    assert.equal(await session.execute('return document.title;'), 'Thaw');
    await waitH1(session, /Welcome to Thaw/);
    // The version on screen comes from the installed core, through `status`.
    const version = await textOf(session, '.version');
    assert.match(version, /^Thaw \d+\.\d+\.\d+$/);
    assert.match(await textOf(session, '[data-testid="next-step"]'), /choose a passphrase/);
    await saveScreenshot(session, 'package-welcome-phone');

    await click(session, '[data-testid="begin"]');
    await waitH1(session, /Choose a passphrase/);
    await type(session, '#new-passphrase', PASSPHRASE);
    await type(session, '#passphrase-again', PASSPHRASE);
    await waitEnabled(session, '[data-testid="create"]');
    await click(session, '[data-testid="create"]');

    // The installed build creates the encrypted store and shows the recovery code once.
    const code = await textOf(session, '[data-testid="recovery-code"]');
    assert.match(code, /\w/);
    const stored = readdirSync(dataDir, { recursive: true }).map(String);
    assert.ok(
      stored.some((f) => f.endsWith('vault.json')),
      `the vault lives in the chosen data folder (found: ${stored.join(', ')})`,
    );
    await saveScreenshot(session, 'package-recovery-code-phone');
  } finally {
    await session.quit();
    removeDataDir(dataDir);
  }
});
