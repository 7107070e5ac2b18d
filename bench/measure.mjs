// Measures release Thaw against the bare Tauri app (bench/bare-app), the same way, alternating:
//   start-up   — from spawning the process to the UI's own ready report (THAW_READY_FILE);
//   memory     — peak of the summed RSS of the whole process tree (the app, WebKitWebProcess,
//                WebKitNetworkProcess, …), sampled from /proc every ~20 ms until 3 s after ready;
//                plus the tree's PSS (shared pages divided fairly) 3 s after ready;
//   size       — release binary, .deb file, Installed-Size;
//   UI bundle  — gzip sizes of ui/dist.
// Then prints a markdown table and writes BENCHMARKS.md at the repository root.
//
// Run through scripts/bench.sh, which builds both apps first. Options (environment):
//   BENCH_RUNS (default 12), THAW_BIN, BARE_BIN, THAW_DEB, BARE_DEB;
//   PROBE_BIN: the bare shell serving Thaw's UI (scripts/bench.sh builds it with BENCH_PROBE=1),
//   measured in the same rotation, to tell the UI's share of start-up from the shell's.
import { spawn, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Desktop, ROOT } from '../tests/e2e/lib/harness.mjs';

let RUNS = Number(process.env.BENCH_RUNS ?? 12);
const LAST_RUN = join(ROOT, 'target', 'bench', 'last-run.json');
class SkipMeasuring extends Error {}
const SAMPLE_MS = 20;
const AFTER_READY_MS = 3000;
const READY_TIMEOUT_MS = 60000;
const PAGE = 4096;

const THAW_BIN = process.env.THAW_BIN ?? join(ROOT, 'target/release/thaw');
const BARE_BIN = process.env.BARE_BIN ?? join(ROOT, 'bench/bare-app/target/release/bare-app');
const THAW_DEB = process.env.THAW_DEB ?? newestDeb(join(ROOT, 'target/release/bundle/deb'));
const BARE_DEB = process.env.BARE_DEB ?? newestDeb(join(ROOT, 'bench/bare-app/target/release/bundle/deb'));
const PROBE_BIN = process.env.PROBE_BIN || null;

function newestDeb(dir) {
  if (!existsSync(dir)) return null;
  const debs = readdirSync(dir)
    .filter((f) => f.endsWith('.deb'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return debs[0] ?? null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const min = (xs) => Math.min(...xs);
const max = (xs) => Math.max(...xs);

// ---- the process tree, from /proc ----

/** pid → ppid for every process we can read. */
function parents() {
  const map = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      // comm may contain spaces and parentheses: fields start after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(rest[1]));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return map;
}

function tree(root) {
  const ppid = parents();
  const children = new Map();
  for (const [pid, parent] of ppid) {
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(pid);
  }
  const out = [];
  const todo = ppid.has(root) ? [root] : [];
  while (todo.length) {
    const pid = todo.pop();
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

function rssBytes(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * PAGE;
  } catch {
    return 0;
  }
}

function pssBytes(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function comm(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'latin1').trim();
  } catch {
    return '?';
  }
}

// ---- one run ----

async function runOnce(desktop, app) {
  const scratch = mkdtempSync(join(tmpdir(), `thaw-bench-${app.name}-`));
  const readyFile = join(scratch, 'ready.jsonl');
  const dataDir = join(scratch, 'data');
  // Both apps get fresh XDG folders, so neither finds a warm WebKit cache from an earlier run.
  const env = desktop.env({
    THAW_READY_FILE: readyFile,
    XDG_DATA_HOME: join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
    XDG_CONFIG_HOME: join(scratch, 'xdg-config'),
    THAW_DATA_DIR: null,
  });
  const args = app.name === 'thaw' ? [`--data-dir=${dataDir}`] : [];

  const start = Date.now();
  const child = spawn(app.bin, args, { env, stdio: 'ignore', detached: true });
  const pid = child.pid;
  let exited = false;
  child.on('exit', () => (exited = true));

  let peak = 0;
  let peakProcs = [];
  let readyAt = null;
  let pss = 0;
  let pssProcs = [];
  const deadline = start + READY_TIMEOUT_MS;
  for (;;) {
    const pids = tree(pid);
    let sum = 0;
    for (const p of pids) sum += rssBytes(p);
    if (sum > peak) {
      peak = sum;
      peakProcs = pids.map(comm);
    }
    if (readyAt === null && existsSync(readyFile)) {
      const line = readFileSync(readyFile, 'utf8').split('\n').find((l) => l.trim());
      if (line) readyAt = JSON.parse(line).ready_unix_ms;
    }
    const now = Date.now();
    if (readyAt !== null && now >= readyAt + AFTER_READY_MS) {
      pssProcs = pids.map((p) => `${comm(p)}:${(pssBytes(p) / 2 ** 20).toFixed(1)}`);
      pss = pids.reduce((a, p) => a + pssBytes(p), 0);
      break;
    }
    if (exited) throw new Error(`${app.name} exited before it was ready`);
    if (now > deadline) break;
    await sleep(SAMPLE_MS);
  }

  await stop(child, pid);
  rmSync(scratch, { recursive: true, force: true });
  if (readyAt === null) throw new Error(`${app.name} never reported ready within ${READY_TIMEOUT_MS} ms`);
  return { startupMs: readyAt - start, peakRss: peak, pss, procs: peakProcs, pssProcs };
}

/** Ends the app and everything it started, and waits until they are all gone. */
async function stop(child, pid) {
  const all = () => tree(pid);
  const left = all();
  const signal = (sig) => {
    try {
      process.kill(-pid, sig); // the process group (spawned detached)
    } catch {}
    for (const p of left) {
      try {
        process.kill(p, sig);
      } catch {}
    }
  };
  signal('SIGTERM');
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    await sleep(20);
  }
  signal('SIGKILL');
  for (let i = 0; i < 250 && left.some((p) => existsSync(`/proc/${p}`) && !zombie(p)); i++) await sleep(20);
}

function zombie(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z';
  } catch {
    return true;
  }
}

// ---- sizes ----

function debInfo(path) {
  if (!path || !existsSync(path)) return null;
  const installedKiB = Number(execFileSync('dpkg-deb', ['-f', path, 'Installed-Size'], { encoding: 'utf8' }).trim());
  return { path, fileBytes: statSync(path).size, installedBytes: installedKiB * 1024 };
}

function uiBundle() {
  const dist = join(ROOT, 'ui/dist');
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const raw = readFileSync(p);
        files.push({ file: relative(dist, p), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
      }
    }
  };
  walk(dist);
  return files.sort((a, b) => b.gzip - a.gzip);
}

// ---- formatting ----

const MiB = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const KiB = (b) => `${(b / 1024).toFixed(1)} KiB`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const verdict = (ok) => (ok ? 'met' : '**missed**');

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown CPU';
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const memGiB = (Number(/^MemTotal:\s+(\d+)/m.exec(readFileSync('/proc/meminfo', 'utf8'))[1]) / 2 ** 20).toFixed(0);
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  let os = 'Linux';
  try {
    os = /^PRETTY_NAME="?([^"\n]+)/m.exec(readFileSync('/etc/os-release', 'utf8'))[1];
  } catch {}
  let webkit = '';
  try {
    webkit = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  } catch {}
  return { model, nproc, memGiB, load, os, webkit };
}

/** The body of a crate's BENCHMARKS.md, headings pushed one level down. */
function crateSection(path) {
  const text = readFileSync(join(ROOT, path), 'utf8');
  return text
    .split('\n')
    .slice(1) // its own title
    .map((l) => (l.startsWith('#') ? `#${l}` : l))
    .join('\n')
    .trim();
}

// ---- main ----

async function main() {
  for (const [what, p] of [
    ['release Thaw', THAW_BIN],
    ['release bare app', BARE_BIN],
  ]) {
    if (!existsSync(p)) throw new Error(`No ${what} at ${p}: run scripts/bench.sh, which builds it`);
  }
  const apps = [
    { name: 'thaw', bin: THAW_BIN },
    { name: 'bare', bin: BARE_BIN },
  ];
  if (PROBE_BIN) apps.push({ name: 'probe', bin: PROBE_BIN });
  let results = Object.fromEntries(apps.map((a) => [a.name, []]));
  let saved = null;
  if (process.env.BENCH_REPORT_ONLY) {
    // Rewrite BENCHMARKS.md from the last measurement (e.g. after editing bench/ANALYSIS.md).
    saved = JSON.parse(readFileSync(LAST_RUN, 'utf8'));
    results = saved.results;
    RUNS = saved.runs;
    apps.splice(0, apps.length, ...saved.apps);
  }
  const desktop = saved ? null : await Desktop.start();
  try {
    if (saved) throw new SkipMeasuring();
    // One untimed run of each first, so both start from the same warm disk cache.
    for (const app of apps) await runOnce(desktop, app);
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first (with a probe: rotate, and reverse every other round).
      const k = i % apps.length;
      const rotated = [...apps.slice(k), ...apps.slice(0, k)];
      const order = Math.floor(i / apps.length) % 2 ? rotated.reverse() : rotated;
      for (const app of order) {
        const r = await runOnce(desktop, app);
        results[app.name].push(r);
        console.error(
          `run ${i + 1}/${RUNS} ${app.name.padEnd(5)} ready ${String(r.startupMs).padStart(5)} ms  peak RSS ${MiB(r.peakRss)}  PSS ${MiB(r.pss)}`,
        );
      }
    }
  } catch (e) {
    if (!(e instanceof SkipMeasuring)) throw e;
  } finally {
    await desktop?.stop();
  }

  const m = (name, key) => median(results[name].map((r) => r[key]));
  const range = (name, key, fmt) => {
    const xs = results[name].map((r) => r[key]);
    return `${fmt(min(xs))}–${fmt(max(xs))}`;
  };
  const ms = (x) => `${Math.round(x)} ms`;
  // Runs i of each app ran next to each other, so the median of per-round ratios cancels most of
  // the machine's load swings.
  const pairedRatio = (a, b, key) => median(results[a].map((r, i) => r[key] / results[b][i][key]));
  const startT = m('thaw', 'startupMs');
  const startB = m('bare', 'startupMs');
  const rssT = m('thaw', 'peakRss');
  const rssB = m('bare', 'peakRss');
  const pssT = m('thaw', 'pss');
  const pssB = m('bare', 'pss');
  const binT = statSync(THAW_BIN).size;
  const binB = statSync(BARE_BIN).size;
  const debT = debInfo(THAW_DEB);
  const debB = debInfo(BARE_DEB);
  const ui = uiBundle();
  const uiGzip = ui.reduce((a, f) => a + f.gzip, 0);
  const uiRaw = ui.reduce((a, f) => a + f.raw, 0);
  const mach = saved?.mach ?? machine();
  const date = saved?.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  if (!saved) {
    mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
    writeFileSync(LAST_RUN, JSON.stringify({ date, mach, runs: RUNS, apps, results }));
  }

  const rows = [
    ['measure (median of ' + RUNS + ' runs each, alternating)', 'Thaw', 'bare Tauri', 'Thaw / bare', 'aim', ''],
    [
      'start-up: spawn → first screen ready',
      `${ms(startT)} (${range('thaw', 'startupMs', Math.round)})`,
      `${ms(startB)} (${range('bare', 'startupMs', Math.round)})`,
      ratio(startT, startB),
      '≤ 1.3×',
      verdict(startT / startB <= 1.3),
    ],
    [
      'start-up, median of per-round Thaw/bare ratios',
      '',
      '',
      `${pairedRatio('thaw', 'bare', 'startupMs').toFixed(2)}×`,
      '≤ 1.3×',
      verdict(pairedRatio('thaw', 'bare', 'startupMs') <= 1.3),
    ],
    [
      'peak RSS, whole process tree (sum)',
      `${MiB(rssT)} (${range('thaw', 'peakRss', (b) => (b / 2 ** 20).toFixed(0))})`,
      `${MiB(rssB)} (${range('bare', 'peakRss', (b) => (b / 2 ** 20).toFixed(0))})`,
      ratio(rssT, rssB),
      '≤ 1.3×',
      verdict(rssT / rssB <= 1.3),
    ],
    ['PSS, whole tree, 3 s after ready', MiB(pssT), MiB(pssB), ratio(pssT, pssB), '', ''],
    ['release binary', MiB(binT), MiB(binB), ratio(binT, binB), '< 20 MB', verdict(binT < 20e6)],
    [
      '.deb file',
      debT ? MiB(debT.fileBytes) : 'not built',
      debB ? MiB(debB.fileBytes) : 'not built',
      debT && debB ? ratio(debT.fileBytes, debB.fileBytes) : '',
      '',
      '',
    ],
    [
      'installed size (dpkg Installed-Size)',
      debT ? MiB(debT.installedBytes) : 'not built',
      debB ? MiB(debB.installedBytes) : 'not built',
      debT && debB ? ratio(debT.installedBytes, debB.installedBytes) : '',
      '',
      '',
    ],
    ['UI bundle (ui/dist, gzip -9)', KiB(uiGzip), '-', '', '< 100 KB', verdict(uiGzip < 100e3)],
  ];
  const table = [
    `| ${rows[0].join(' | ')} |`,
    '|---|---:|---:|---:|---|---|',
    ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  console.log(`\n${table}\n`);

  let probeTable = '';
  if (results.probe?.length) {
    const startP = m('probe', 'startupMs');
    probeTable = `### Where Thaw's extra start-up time goes (probe)

The **probe** is the bare shell (no store, no tray, no prompts, one command) serving Thaw's real UI
(\`ui/dist\`, built into \`bench/bare-app\` with \`--config\`). Its \`status\` call fails at once, so
it shows the "could not open" screen instead of the welcome, and reports ready then. Measured in
the same rotation, ${RUNS} runs each.

| | start-up (median) | vs bare | peak RSS (median) | PSS |
|---|---:|---:|---:|---:|
| bare shell, bare page | ${ms(startB)} | 1.00× | ${MiB(rssB)} | ${MiB(pssB)} |
| bare shell, Thaw's UI (probe) | ${ms(startP)} | ${pairedRatio('probe', 'bare', 'startupMs').toFixed(2)}× | ${MiB(m('probe', 'peakRss'))} | ${MiB(m('probe', 'pss'))} |
| Thaw | ${ms(startT)} | ${pairedRatio('thaw', 'bare', 'startupMs').toFixed(2)}× | ${MiB(rssT)} | ${MiB(pssT)} |

(Ratios are medians of per-round ratios.) Probe − bare is what loading, parsing and mounting
Thaw's UI costs; Thaw − probe is the shell's part: the store behind \`status\`, the tray, the
prompts task and the larger binary.
`;
  }

  const procs = (name) => {
    const last = results[name][results[name].length - 1];
    return last.pssProcs.join(', ');
  };
  const uiTable = [
    '| file | raw | gzip -9 |',
    '|---|---:|---:|',
    ...ui.map((f) => `| \`${f.file}\` | ${KiB(f.raw)} | ${KiB(f.gzip)} |`),
    `| **total** | **${KiB(uiRaw)}** | **${KiB(uiGzip)}** |`,
  ].join('\n');
  const perRun = [
    `| run | ${apps.map((a) => `${a.name} start-up`).join(' | ')} | ${apps.map((a) => `${a.name} peak RSS`).join(' | ')} |`,
    `|---:|${apps.map(() => '---:|---:|').join('')}`,
    ...results.thaw.map(
      (_, i) =>
        `| ${i + 1} | ${apps.map((a) => `${results[a.name][i].startupMs} ms`).join(' | ')} | ${apps.map((a) => MiB(results[a.name][i].peakRss)).join(' | ')} |`,
    ),
  ].join('\n');

  const analysis = existsSync(join(ROOT, 'bench/ANALYSIS.md'))
    ? readFileSync(join(ROOT, 'bench/ANALYSIS.md'), 'utf8').trim()
    : '';

  const doc = `# Thaw benchmarks

One file that shows where Thaw stands. The app figures are regenerated by \`bash scripts/bench.sh\`
(release builds of Thaw and of a bare Tauri 2 app, \`bench/bare-app/\`, measured the same way);
the store and engine sections are copied from \`crates/thaw-store/BENCHMARKS.md\` and
\`crates/thaw-engine/BENCHMARKS.md\`, which their own examples regenerate.

<!-- generated by scripts/bench.sh: do not edit by hand; notes go in bench/ANALYSIS.md -->

## The app against a bare Tauri app

Generated ${date} on ${mach.nproc} × ${mach.model}, ${mach.memGiB} GiB RAM, ${mach.os},
WebKitGTK ${mach.webkit || '?'}; load average at the end ${mach.load} (the machine is shared, so
single runs vary; the medians and the alternating order are what to compare).

${table}

How it is measured (\`bench/measure.mjs\`):

- **Start-up**: from spawning the process to the UI's own report that its first screen is up.
  Thaw's UI calls the \`ui_ready\` command when "Opening Thaw…" has been replaced by the first
  real screen (the welcome screen, after a \`status\` round trip to the core on a fresh data
  folder); the bare app calls it as soon as its one page has run its script. With
  \`THAW_READY_FILE\` set the shell appends \`{"ready_unix_ms": …}\` there. Both run under Xvfb
  with a private D-Bus session bus and fresh XDG data/cache/config folders each run; one untimed
  run of each warms the disk cache first, then ${RUNS} runs each, alternating which goes first.
- **Memory**: RSS of the app and every descendant (WebKitWebProcess, WebKitNetworkProcess),
  summed, sampled from \`/proc\` every ${SAMPLE_MS} ms until ${AFTER_READY_MS / 1000} s after ready; the
  peak is reported. Summed RSS counts shared libraries once per process; PSS (each shared page
  divided among the processes that map it) is the fairer "what this costs" figure.
  Processes in the last Thaw run (PSS, MiB): ${procs('thaw')}. Bare: ${procs('bare')}.
- **Unlock key derivation** is not part of start-up (the first screen needs no passphrase); it is
  reported by the store below: Argon2id with \`KdfParams::recommended()\` (64 MiB, t = 3, p = 1).

<details><summary>Every run</summary>

${perRun}

</details>

${probeTable}
${analysis}

## UI bundle

\`npm run build\` output in \`ui/dist/\`, gzip -9 per file (Tauri embeds them in the binary
brotli-compressed, so this is close to what they add to it). Aim: under 100 KB gzipped.

${uiTable}

## Store (thaw-store)

<!-- copied from crates/thaw-store/BENCHMARKS.md by scripts/bench.sh -->

${crateSection('crates/thaw-store/BENCHMARKS.md')}

## Engine (thaw-engine)

<!-- copied from crates/thaw-engine/BENCHMARKS.md by scripts/bench.sh -->

${crateSection('crates/thaw-engine/BENCHMARKS.md')}
`;
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), doc);
  console.error('wrote BENCHMARKS.md');
}

await main();
