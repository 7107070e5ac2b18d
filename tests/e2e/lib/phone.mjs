// A pretend phone for the crisis journeys, the way a Linux desktop really finds one: a desktop
// entry registered for x-scheme-handler/tel and x-scheme-handler/sms in a private
// XDG_DATA_HOME, chosen in a private XDG_CONFIG_HOME/mimeapps.list, whose command appends the
// URI it is given to a file. xdg-open (or `gio open`) runs it exactly as it would run a
// calling app, so the file holds precisely what the device received.
//
// `noPhone()` is the same private folders with nothing registered, plus a recording "web
// browser" in $BROWSER: xdg-open falls back to a browser when no handler exists and reports
// success, so a recorded URI there means Thaw handed a call to a browser instead of showing the
// number.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function recorder(dir, name) {
  const log = join(dir, `${name}.log`);
  const script = join(dir, `${name}.sh`);
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\n`);
  chmodSync(script, 0o755);
  return { script, log };
}

function lines(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

function privateXdg(label) {
  const dir = mkdtempSync(join(tmpdir(), `thaw-e2e-${label}-`));
  const data = join(dir, 'data');
  const config = join(dir, 'config');
  mkdirSync(join(data, 'applications'), { recursive: true });
  mkdirSync(config, { recursive: true });
  return { dir, data, config };
}

/** A tel:/sms: handler that records every URI it receives. */
export function recordingPhone() {
  const { dir, data, config } = privateXdg('phone');
  const { script, log } = recorder(dir, 'phone');
  writeFileSync(
    join(data, 'applications', 'thaw-test-phone.desktop'),
    [
      '[Desktop Entry]',
      'Type=Application',
      'Name=Test phone',
      `Exec=${script} %u`,
      'MimeType=x-scheme-handler/tel;x-scheme-handler/sms;',
      'NoDisplay=true',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(config, 'mimeapps.list'),
    '[Default Applications]\nx-scheme-handler/tel=thaw-test-phone.desktop\nx-scheme-handler/sms=thaw-test-phone.desktop\n',
  );
  return {
    env: { XDG_DATA_HOME: data, XDG_CONFIG_HOME: config },
    /** Every URI received so far, oldest first. */
    received: () => lines(log),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Nothing registered for tel: or sms:, and a web browser that records what it is given. */
export function noPhone() {
  const { dir, data, config } = privateXdg('nophone');
  const { script, log } = recorder(dir, 'browser');
  return {
    env: { XDG_DATA_HOME: data, XDG_CONFIG_HOME: config, BROWSER: script },
    /** URIs that reached the pretend browser (there should be none). */
    browserReceived: () => lines(log),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** What a scheme's default handler is in `env` ('' when none), as xdg-open would find it. */
export function defaultHandler(env, scheme) {
  try {
    return execFileSync('xdg-mime', ['query', 'default', `x-scheme-handler/${scheme}`], { env, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** The X clipboard's text on the test display (the app owns it after "Copy"). */
export function clipboardText(env) {
  return execFileSync('xclip', ['-o', '-selection', 'clipboard'], { env, encoding: 'utf8', timeout: 5000 });
}
