// The platform's own file dialogs (GTK's file chooser, opened by Thaw through Tauri's dialog
// plugin), driven from outside as a person would: the dialog window appears, the person types
// where (Ctrl+L opens the location field in an open dialog; a save dialog's name field takes a
// whole path) and presses Enter. No test seam: this is the real dialog of the real app.
// Needs xdotool (scripts/setup.sh).
import { execFileSync } from 'node:child_process';

function xdotool(desktop, args) {
  return execFileSync('xdotool', args, { env: desktop.env(), encoding: 'utf8', timeout: 30000 }).trim();
}

/** The id of the visible window titled exactly `title`, or null. */
function windowTitled(desktop, title) {
  try {
    const ids = xdotool(desktop, ['search', '--onlyvisible', '--name', `^${title}$`]);
    return ids.split('\n').filter(Boolean)[0] ?? null;
  } catch {
    return null; // xdotool exits 1 when nothing matches
  }
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits for the dialog titled `title`, types `path` into it and presses Enter, then waits for
 * the dialog to close. `kind` is 'open' or 'save'. GTK fills the chooser in after it maps the
 * window, so keys sent too early can go nowhere: when the dialog is still open after Enter, the
 * person's steps are taken again (the outcome, the dialog closing, is what is waited for).
 */
export async function chooseInDialog(desktop, title, path, kind) {
  const id = await waitFor(() => windowTitled(desktop, title), 30000, `the "${title}" dialog`);
  for (let attempt = 1; ; attempt++) {
    // No window manager under Xvfb: give the dialog the keyboard ourselves.
    xdotool(desktop, ['windowfocus', id]);
    // Open: Ctrl+L shows the location field. Save: the name field has the keyboard. Either
    // way Ctrl+A selects what is there, so the typed path replaces it.
    if (kind === 'open') xdotool(desktop, ['key', '--clearmodifiers', 'ctrl+l']);
    xdotool(desktop, ['key', '--clearmodifiers', 'ctrl+a']);
    xdotool(desktop, ['type', '--delay', '15', path]);
    xdotool(desktop, ['key', 'Return']);
    try {
      await waitFor(() => !windowTitled(desktop, title), attempt < 4 ? 5000 : 20000, `the "${title}" dialog to close`);
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
    }
  }
}

/** Closes the dialog titled `title` without choosing (Escape), as a person changing their mind. */
export async function cancelDialog(desktop, title) {
  const id = await waitFor(() => windowTitled(desktop, title), 30000, `the "${title}" dialog`);
  for (let attempt = 1; ; attempt++) {
    xdotool(desktop, ['windowfocus', id]);
    xdotool(desktop, ['key', 'Escape']);
    try {
      await waitFor(() => !windowTitled(desktop, title), attempt < 4 ? 5000 : 20000, `the "${title}" dialog to close`);
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
    }
  }
}

/**
 * In GTK's print dialog titled `title`: Down selects the first printer (here "Print to File", the
 * only one) and press Print (Alt+P), as a person would; again if the dialog is still open.
 */
export async function printToFile(desktop, title) {
  const id = await waitFor(() => windowTitled(desktop, title), 30000, `the "${title}" dialog`);
  for (let attempt = 1; ; attempt++) {
    xdotool(desktop, ['windowfocus', id]);
    xdotool(desktop, ['key', 'Down']);
    xdotool(desktop, ['key', '--clearmodifiers', 'alt+p']);
    try {
      await waitFor(() => !windowTitled(desktop, title), attempt < 4 ? 5000 : 20000, `the "${title}" dialog to close`);
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
    }
  }
}
