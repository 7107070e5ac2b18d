// Runs the real Thaw binary in a real window: Xvfb, a private D-Bus session bus,
// tauri-driver (which starts WebKitWebDriver), and a WebDriver session per journey.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session, waitForDriver } from './webdriver.mjs';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const SCREENSHOT_DIR = join(ROOT, 'target', 'e2e-screenshots');
export const PHONE = { width: 390, height: 844, name: 'phone' };
export const DESKTOP = { width: 1280, height: 800, name: 'desktop' };
/** A small phone (360×740 CSS px, the narrowest common Android size): touch targets are checked here too. */
export const SMALL_PHONE = { width: 360, height: 740, name: 'small-phone' };

export function appBinary() {
  const path = process.env.THAW_APP_BINARY ?? join(ROOT, 'target', 'debug', 'thaw');
  if (!existsSync(path)) throw new Error(`No Thaw binary at ${path}: build it with scripts/test.sh`);
  return path;
}

function tauriDriverPath() {
  const local = join(homedir(), '.cargo', 'bin', 'tauri-driver');
  return existsSync(local) ? local : 'tauri-driver';
}

function freeDisplay() {
  for (let n = 90; n < 200; n++) {
    if (!existsSync(`/tmp/.X11-unix/X${n}`) && !existsSync(`/tmp/.X${n}-lock`)) return n;
  }
  throw new Error('No free X display number');
}

async function waitUntil(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One display and one session bus shared by every driver in a test file. */
export class Desktop {
  static async start() {
    const desktop = new Desktop();
    await desktop.#start();
    return desktop;
  }

  children = [];

  async #start() {
    const display = freeDisplay();
    this.display = `:${display}`;
    const xvfb = spawn('Xvfb', [this.display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: 'ignore',
    });
    this.children.push(xvfb);
    await waitUntil(() => existsSync(`/tmp/.X11-unix/X${display}`), 10000, 'Xvfb');

    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    this.children.push(bus);
    this.busAddress = await new Promise((resolveAddress, reject) => {
      let out = '';
      bus.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolveAddress(out.trim());
      });
      bus.on('exit', () => reject(new Error('dbus-daemon exited')));
    });
  }

  env(extra = {}) {
    const env = {
      ...process.env,
      DISPLAY: this.display,
      DBUS_SESSION_BUS_ADDRESS: this.busAddress,
      // No WEBKIT_DISABLE_* rendering switches here: with them WebKitWebDriver's
      // screenshot command never answers under Xvfb (seen on Debian 12, WebKitGTK 2.4x).
      NO_AT_BRIDGE: '1',
      ...extra,
    };
    // `null` in `extra` removes a variable.
    for (const [k, v] of Object.entries(env)) if (v === null) delete env[k];
    return env;
  }

  /** Starts tauri-driver with the given extra environment (e.g. a dark GTK theme). */
  async driver(extraEnv = {}) {
    const port = 4500 + Math.floor(Math.random() * 2000);
    const driver = spawn(tauriDriverPath(), ['--port', String(port), '--native-port', String(port + 1)], {
      env: this.env(extraEnv),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    driver.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
    this.children.push(driver);
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base).catch((e) => {
      throw new Error(`${e.message}\n${stderr}`);
    });
    return { base, process: driver, stderr: () => stderr };
  }

  /** A screenshot of the whole virtual screen, window frame and all. */
  screenshotRoot(name) {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name}.png`);
    execFileSync('import', ['-window', 'root', file], { env: this.env() });
    return file;
  }

  async stop() {
    for (const child of this.children.reverse()) {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    this.children = [];
  }
}

/** A fresh, private data folder for one journey. */
export function freshDataDir(label) {
  return mkdtempSync(join(tmpdir(), `thaw-e2e-${label}-`));
}

export function removeDataDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Opens the real app on `dataDir` through a driver (extra command-line `args` optional). */
export async function openApp(driver, dataDir, size = PHONE, args = []) {
  const session = await Session.start(driver.base, appBinary(), [`--data-dir=${dataDir}`, ...args]);
  await session.setWindowSize(size.width, size.height);
  return session;
}

// WebKitGTK under Xvfb answers a snapshot only after its next paint, and after a window resize
// it can wait for one forever when nothing on the page changes. While the snapshot is pending we
// nudge a 1-pixel, almost transparent dot so there is always something to paint.
const NUDGE = `
  let dot = document.getElementById('e2e-paint-nudge');
  if (!dot) {
    dot = document.createElement('div');
    dot.id = 'e2e-paint-nudge';
    dot.setAttribute('aria-hidden', 'true');
    Object.assign(dot.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', pointerEvents: 'none', zIndex: '2147483647' });
    document.documentElement.append(dot);
  }
  dot.style.background = dot.style.background === 'rgba(0, 0, 0, 0.01)' ? 'rgba(0, 0, 0, 0.02)' : 'rgba(0, 0, 0, 0.01)';
  return true;`;

/** The webview's own screenshot (a PNG buffer), robust to the resize quirk above. */
export async function screenshot(session) {
  let done = false;
  const shot = session.screenshot().finally(() => (done = true));
  for (let i = 0; i < 80 && !done; i++) {
    await session.execute(NUDGE).catch(() => {});
    await Promise.race([shot.catch(() => {}), new Promise((r) => setTimeout(r, 150))]);
  }
  const png = await shot;
  await session.execute(`document.getElementById('e2e-paint-nudge')?.remove(); return true;`).catch(() => {});
  return png;
}

/** Saves the webview's own screenshot under target/e2e-screenshots/. */
export async function saveScreenshot(session, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  writeFileSync(file, await screenshot(session));
  return file;
}

const AXE_SOURCE = () => readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let axeSource;

/**
 * Runs axe-core inside the app's webview (WCAG 2 A and AA, and best practice) and returns the
 * violations as plain objects: {id, impact, help, nodes: [target…]}.
 */
export async function runAxe(session) {
  axeSource ??= AXE_SOURCE();
  const loaded = await session.execute('return typeof window.axe === "object";');
  if (!loaded) {
    // axe's UMD wrapper sets window.axe when there is no module system.
    await session.execute(`${axeSource}\n;window.axe = window.axe || axe; return true;`);
  }
  const result = await session.executeAsync(`
    const done = arguments[arguments.length - 1];
    window.axe
      .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] }, resultTypes: ['violations'] })
      .then((r) => done({ ok: true, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })) }))
      .catch((e) => done({ ok: false, error: String(e && e.stack || e) }));
  `);
  if (!result?.ok) throw new Error(`axe could not run: ${result?.error}`);
  return result.violations;
}

/** Only the violations that would stop or hurt someone: serious and critical. */
export function serious(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
