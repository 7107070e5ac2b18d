// The product's words are part of its behaviour: a tired person should never read that they
// failed, missed, fell behind, or should do more. This scans every screen's text.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
// The one list of never-words, which the Rust crates read too.
import NEVER_FILE from '../../../crates/thaw-clinical/never-words.txt?raw';

const NEVER = NEVER_FILE.split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(svelte|ts)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Text a person can read: markup outside script/style, and string literals in code.
 * Comments are for developers (and the generated types carry the Rust doc comments). */
function visibleText(source: string, file = ''): string {
  if (file.endsWith('.ts')) source = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^\s*\/\/.*$/gm, ' ');
  const strings = [...source.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);
  if (file.endsWith('.ts')) return strings.join(' ');
  const markup = source
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return `${markup} ${strings.join(' ')}`;
}

describe("Thaw's words", () => {
  const root = join(import.meta.dirname, '..');
  const sources = files(root);

  it('reads strings in code and text in markup, but not comments', () => {
    expect(visibleText("// you must\nconst a = 'you must';", 'x.ts')).toContain('you must');
    expect(visibleText('/** Must be true */ const a = 1;', 'x.ts')).not.toContain('must');
    expect(visibleText('<p>You should</p>', 'x.svelte')).toContain('You should');
  });

  it('reads the shared list of never-words', () => {
    expect(NEVER).toContain('streak');
    expect(NEVER).toContain('goal completion rate');
  });

  it('finds the screens to check', () => {
    expect(sources.some((f) => f.endsWith('App.svelte'))).toBe(true);
  });

  for (const file of sources) {
    it(`${file.slice(root.length + 1)} never uses words that grade or blame`, () => {
      const text = visibleText(readFileSync(file, 'utf8'), file).toLowerCase();
      const hits = NEVER.filter((word) => new RegExp(`\\b${word}\\b`).test(text));
      expect(hits).toEqual([]);
    });
  }
});
