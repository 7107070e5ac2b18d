// Reads another process's memory from outside, as an attacker with the same user (or root)
// could: every readable mapping in /proc/<pid>/maps, read through /proc/<pid>/mem, searched for
// byte patterns. Used to prove what a lock leaves behind in Thaw's own process.
import { openSync, readSync, closeSync, readFileSync, readdirSync } from 'node:fs';

/** The process of the Thaw binary started on `dataDir` (by its --data-dir argument). */
export function thawPid(dataDir) {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a === `--data-dir=${dataDir}`) && /thaw$/.test(args[0])) return Number(entry);
    } catch {
      /* gone, or not ours to read */
    }
  }
  throw new Error(`No Thaw process for ${dataDir}`);
}

/** Readable mappings: [{start, end, perms, name}]. */
export function mappings(pid) {
  return readFileSync(`/proc/${pid}/maps`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [range, perms, , , , ...rest] = line.split(/\s+/);
      const [start, end] = range.split('-').map((h) => parseInt(h, 16));
      return { start, end, perms, name: rest.join(' ') || '[anon]' };
    })
    .filter((m) => m.perms.startsWith('r') && m.name !== '[vvar]' && m.name !== '[vsyscall]' && m.name !== '[vvar_vclock]');
}

/**
 * Counts every occurrence of each named pattern (Buffers) in the process's readable memory.
 * Returns {name: {count, regions: {regionName: count}}}.
 */
export function scan(pid, patterns, { context = 0 } = {}) {
  const found = Object.fromEntries(Object.keys(patterns).map((k) => [k, { count: 0, regions: {} }]));
  const longest = Math.max(...Object.values(patterns).map((p) => p.length));
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  const CHUNK = 4 * 1024 * 1024;
  const buf = Buffer.alloc(CHUNK + longest);
  try {
    for (const m of mappings(pid)) {
      // Files mapped read-only from disk (libraries, fonts) hold no secrets; skip their bulk.
      if (m.name.startsWith('/') && !m.perms.includes('w')) continue;
      for (let at = m.start; at < m.end; at += CHUNK) {
        const want = Math.min(CHUNK + longest, m.end - at);
        let got = 0;
        try {
          got = readSync(fd, buf, 0, want, at);
        } catch {
          break; // a guard page or a mapping that vanished
        }
        const view = buf.subarray(0, got);
        for (const [name, pattern] of Object.entries(patterns)) {
          let i = view.indexOf(pattern);
          while (i !== -1) {
            // Count a hit once: only where it starts inside this chunk.
            if (i < CHUNK) {
              found[name].count += 1;
              const region = regionLabel(m);
              found[name].regions[region] = (found[name].regions[region] ?? 0) + 1;
              if (context) {
                const from = Math.max(0, i - context);
                (found[name].context ??= []).push(`${region}+${(at + i - m.start).toString(16)}: ` + JSON.stringify(view.subarray(from, i + pattern.length + context).toString('latin1')));
              }
            }
            i = view.indexOf(pattern, i + 1);
          }
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return found;
}

function regionLabel(m) {
  return `${m.name} ${m.perms} ${(m.end - m.start) >> 10}KiB @${m.start.toString(16)}`;
}

/** The patterns for a secret string: UTF-8 and UTF-16LE (WebKit keeps some strings as UTF-16). */
export function textPatterns(name, text) {
  return { [`${name} (utf-8)`]: Buffer.from(text, 'utf8'), [`${name} (utf-16)`]: Buffer.from(text, 'utf16le') };
}

/** The data key's patterns: raw bytes, hex in lower and upper case. */
export function keyPatterns(hex) {
  return {
    'data key (raw)': Buffer.from(hex, 'hex'),
    'data key (hex, lower)': Buffer.from(hex.toLowerCase(), 'latin1'),
    'data key (hex, upper)': Buffer.from(hex.toUpperCase(), 'latin1'),
  };
}
