// Files a person hands over and brings back, through the real app and the platform's own file
// dialogs (GTK, driven from outside with xdotool as a person types: no test seam). A backup and
// a visit summary are saved where the person chooses, owner-only; "Show in folder" asks the
// desktop's file manager (a stand-in owning org.freedesktop.FileManager1 on the private bus);
// Erase lists the files Thaw wrote and removes only the ticked one; and on a fresh start the
// backup is restored from the open dialog, without a path typed into Thaw anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Desktop, PHONE, DESKTOP, ROOT, openApp, freshDataDir, removeDataDir } from './lib/harness.mjs';
import { click, type, waitText, waitEnabled, evidence, waitH1, onboard, invoke, PASSPHRASE, VALUE_WORDS } from './lib/thaw.mjs';
import { chooseInDialog, cancelDialog, printToFile } from './lib/file_dialog.mjs';

const SAVE_BACKUP = 'Save a Thaw backup';
const SAVE_SUMMARY = 'Save your visit summary';
const OPEN_BACKUP = 'Choose your Thaw backup';
const NOTICED = 'Stayed with the light on the kitchen wall';

let desktop;
let driver;
let session;
let fileManager;
const dirs = [];

before(async () => {
  desktop = await Desktop.start();
  driver = await desktop.driver();
});

after(async () => {
  await session?.quit().catch(() => {});
  fileManager?.kill('SIGTERM');
  await desktop?.stop();
  for (const dir of dirs) removeDataDir(dir);
});

function folder(label) {
  const dir = freshDataDir(label);
  dirs.push(dir);
  return dir;
}

/** The stand-in file manager on the test's session bus; resolves once it owns its name. */
function startFileManager(log) {
  const child = spawn('/usr/bin/python3', [join(ROOT, 'tests/e2e/lib/file_manager.py'), log], {
    env: desktop.env(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => String(c).includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the stand-in file manager exited (${code})`)));
  });
}

async function waitUntil(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const mode = (path) => lstatSync(path).mode & 0o777;

/** Every file under `dir` is owner-only (0600) and every folder 0700. */
function assertPrivateTree(dir, what) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      assert.equal(mode(path).toString(8), '700', `${what}: folder ${path}`);
      assertPrivateTree(path, what);
    } else {
      assert.equal(mode(path).toString(8), '600', `${what}: file ${path}`);
    }
  }
}

async function more(target) {
  await click(session, '[data-testid="tab-more"]');
  await waitH1(session, /^More$/);
  await click(session, `[data-testid="go-${target}"]`);
}

test('save a backup and a summary where you choose, show them, erase them, restore from the dialog', async () => {
  const data = folder('files-data');
  const handed = folder('files-handed');
  chmodSync(handed, 0o755); // a folder others may list, like Documents
  const shown = join(folder('files-shown'), 'shown.log');
  fileManager = await startFileManager(shown);
  // The platform's default (Documents/Thaw backups) is somewhere else entirely, so a dialog that
  // starts in `handed` does so because Thaw remembered it.
  const backupsDefault = join(folder('files-default'), 'Thaw backups');

  session = await openApp(driver, data, PHONE, [`--backup-dir=${backupsDefault}`]);
  try {
    await journey(data, handed, shown);
  } finally {
    await session.quit();
    session = null;
  }
});

async function journey(data, handed, shown) {
  await onboard(session);

  // A backup, saved through the save dialog. Closing the dialog first writes nothing.
  await more('settings');
  await waitH1(session, /Settings/);
  await click(session, '[data-testid="backup"]');
  await cancelDialog(desktop, SAVE_BACKUP);
  await session.waitFor(`() => !document.querySelector('[data-testid="backup"]').disabled`, 20000, 'the backup button back');
  assert.equal((await session.findAll('[data-testid="backup-done"]')).length, 0, 'a closed dialog saved nothing');
  assert.deepEqual(readdirSync(handed), [], 'a closed dialog wrote nothing');

  const backupPath = join(handed, 'moving-to-my-new-laptop.thawbackup');
  await click(session, '[data-testid="backup"]');
  await chooseInDialog(desktop, SAVE_BACKUP, backupPath, 'save');
  await waitText(session, '[data-testid="backup-done-name"]', /moving-to-my-new-laptop\.thawbackup/, 60000);
  assert.match(await (await session.find('[data-testid="backup-done-folder"]')).text(), new RegExp(handed.split('/').at(-1)));
  assert.ok(existsSync(backupPath), 'the backup is where the person chose');
  assert.equal(mode(backupPath).toString(8), '600', 'the backup is owner-only');
  assert.equal(readFileSync(backupPath).subarray(0, 7).toString(), "THAWBKP", "a Thaw backup");
  await evidence(session, 'files-backup-saved', { size: PHONE, theme: 'light' });

  // Show in folder: the desktop's file manager is asked to show that very file.
  await click(session, '[data-testid="backup-done-show"]');
  await waitText(session, '[data-testid="backup-done-shown"]', /opening the folder/);
  await waitUntil(() => existsSync(shown) && readFileSync(shown, 'utf8').includes(pathToFileURL(backupPath).href), 10000, 'the file manager to be asked');

  // Something noticed, in the person's words: in the summary only when they tick it.
  await invoke(session, 'notice', { input: { value_id: null, note: NOTICED } });

  // A visit summary, saved through the save dialog, with Show in folder.
  await more('summary');
  await waitH1(session, /Visit summary/);
  const without = await waitText(session, '[data-testid="summary-page"]', /Questionnaires/);
  assert.ok(!without.includes(NOTICED), 'what was noticed stays out until the person chooses');
  await click(session, '[data-testid="include-noticed"]');
  await waitText(session, '[data-testid="summary-noticed"]', new RegExp(NOTICED));
  await click(session, '[data-testid="export-pdf"]');
  await waitText(session, '[data-testid="export-ask"]', /not encrypted/);
  await click(session, '[data-testid="export-save"]');
  const summaryPath = join(handed, 'for-dr-lee.pdf');
  // Only a name is typed: the dialog starts in the folder the backup went to (remembered in the
  // encrypted store), so that is where the summary lands.
  await chooseInDialog(desktop, SAVE_SUMMARY, 'for-dr-lee.pdf', 'save');
  await waitText(session, '[data-testid="export-file-name"]', /for-dr-lee\.pdf/, 60000);
  assert.equal(readFileSync(summaryPath).subarray(0, 5).toString(), '%PDF-');
  const pdfText = execFileSync('pdftotext', [summaryPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.ok(pdfText.includes(NOTICED), 'the chosen notes are in the summary handed over');
  assert.equal(mode(summaryPath).toString(8), '600', 'the summary is owner-only');
  await click(session, '[data-testid="export-file-show"]');
  await waitUntil(() => readFileSync(shown, 'utf8').includes(pathToFileURL(summaryPath).href), 10000, 'the file manager to be asked for the summary');
  await evidence(session, 'files-summary-saved', { size: PHONE, theme: 'light' });
  await session.setWindowSize(DESKTOP.width, DESKTOP.height);
  await evidence(session, 'files-summary-saved', { size: DESKTOP, theme: 'light' });
  await session.setWindowSize(PHONE.width, PHONE.height);

  // Nothing else was written beside them, and Thaw made no folder of its own there.
  assert.deepEqual(readdirSync(handed).sort(), ['for-dr-lee.pdf', 'moving-to-my-new-laptop.thawbackup']);
  assert.equal(mode(handed).toString(8), '755', 'the chosen folder is left as it was');
  // Everything Thaw keeps in its own folder is private too.
  assertPrivateTree(data, 'the data folder');

  // The page cannot name a file: a path sent straight through the IPC is not a choice.
  const refused = await session.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke('restore', { input: { path: ${JSON.stringify(backupPath)}, secret: 'x', replace_existing: true } })
       .then(() => done('accepted'), (e) => done(e));`,
  );
  assert.equal(refused.kind, 'invalid_input', JSON.stringify(refused));
  assert.match(refused.message, /Choose the backup file/);

  // Nor can it open a dialog or reveal a path of its own: no dialog or opener permission.
  for (const [command, args] of [
    ['plugin:dialog|open', { options: {} }],
    ['plugin:dialog|save', { options: {} }],
    ['plugin:opener|reveal_item_in_dir', { paths: ['/etc/passwd'] }],
  ]) {
    const said = await session.executeAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke(${JSON.stringify(command)}, ${JSON.stringify(args)})
         .then(() => done('allowed'), (e) => done(String(e?.message ?? e)));`,
    );
    assert.match(said, /not allowed/i, `${command}: ${said}`);
  }

  // Erase lists both files and removes only the one the person ticks.
  await more('settings');
  await waitH1(session, /Settings/);
  await click(session, '[data-testid="erase-start"]');
  const listed = await waitText(session, '[data-testid="erase-files"]', /for-dr-lee\.pdf/);
  assert.match(listed, /moving-to-my-new-laptop\.thawbackup/);
  assert.match(await (await session.find('[data-testid="erase-stays"]')).text(), /stay where they are/);
  const files = await invoke(session, 'written_files');
  const summary = files.find((f) => f.name === 'for-dr-lee.pdf');
  await click(session, `[data-testid="erase-file-${summary.id}"]`);
  await type(session, '#erase-confirm', 'erase everything');
  await type(session, '#erase-secret', PASSPHRASE);
  await evidence(session, 'files-erase', { size: PHONE, theme: 'light' });
  await waitEnabled(session, '[data-testid="erase"]');
  await click(session, '[data-testid="erase"]');
  await waitH1(session, /Welcome to Thaw/, 30000);
  assert.ok(!existsSync(summaryPath), 'the ticked summary was removed');
  assert.ok(existsSync(backupPath), 'the backup the person kept is still there');

  // A new start: restore from the open dialog.
  await click(session, '[data-testid="restore-start"]');
  await waitH1(session, /Restore a backup/);
  await click(session, '[data-testid="restore-choose"]');
  await chooseInDialog(desktop, OPEN_BACKUP, backupPath, 'open');
  await waitText(session, '[data-testid="restore-chosen"]', /moving-to-my-new-laptop\.thawbackup/);
  await type(session, '#restore-secret', PASSPHRASE);
  await evidence(session, 'files-restore-chosen', { size: PHONE, theme: 'light' });
  await waitEnabled(session, '[data-testid="restore"]', 30000);
  await click(session, '[data-testid="restore"]');
  await waitH1(session, /One small step|Rest counts|How is your energy/, 60000);
  const values = await invoke(session, 'values');
  assert.ok(values.some((v) => v.words === VALUE_WORDS), 'everything came back');
  assertPrivateTree(data, 'the restored data folder');
}

test('Print on the recovery-code screen prints the code, and only the code', async () => {
  // GTK's "Print to File" writes output.pdf into the Documents folder: a private one here.
  const config = folder('files-print-config');
  const documents = folder('files-print-documents');
  writeFileSync(join(config, 'user-dirs.dirs'), `XDG_DOCUMENTS_DIR="${documents}"\n`);
  const printing = await desktop.driver({ XDG_CONFIG_HOME: config });
  const print = await openApp(printing, folder('files-print'), PHONE);
  try {
    await waitH1(print, /Welcome to Thaw/);
    await click(print, '[data-testid="begin"]');
    await waitH1(print, /Choose a passphrase/);
    await type(print, '#new-passphrase', PASSPHRASE);
    await type(print, '#passphrase-again', PASSPHRASE);
    await waitEnabled(print, '[data-testid="create"]');
    await click(print, '[data-testid="create"]');
    const code = (await waitText(print, '[data-testid="recovery-code"]', /\S/, 60000)).trim();
    await click(print, '[data-testid="recovery-print"]');
    // The platform's print dialog: choose "Print to File" (the only printer here) and Print.
    await printToFile(desktop, 'Print');
    const pdf = join(documents, 'output.pdf');
    let text = '';
    await waitUntil(() => {
      if (!existsSync(pdf)) return false;
      try {
        text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).trim();
      } catch {
        return false; // still being written
      }
      return text.includes(code);
    }, 30000, 'the printed page');
    assert.deepEqual(text.split(/\s*\n\s*/).filter(Boolean), ['Thaw recovery code. Keep it private.', code], 'only the code is printed');
    await waitH1(print, /Your recovery code/);
  } finally {
    await print.quit();
  }
});
