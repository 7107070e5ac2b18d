// Drafts: what the person is typing, kept in the encrypted store (through the core) so a lock
// never loses it — auto-lock after a quiet while, or the Lock button. A form's state is saved
// a moment after each change (long before any auto-lock, which waits at least a minute of
// quiet), offered back when the form opens again, and let go when the form is saved for real
// (the core does that in the same step as the save) or emptied. Nothing is kept in the page.
import { api } from './ipc/api';
import type { DraftKind } from './ipc/types';

/** How long after the last change a draft is written. */
export const KEEP_AFTER_MS = 600;

/** Writes every draft that is still waiting for its moment: before a lock. */
const waiting = new Map<DraftKind, () => Promise<void>>();

export async function flushDrafts(): Promise<void> {
  await Promise.all([...waiting.values()].map((write) => write()));
}

export interface Draft<T> {
  /** The form changed: keep `state` (or let the draft go when `null`, an empty form). */
  changed(state: T | null): void;
  /** The form is being saved for real: drop a write still waiting (the core lets it go). */
  cancel(): void;
}

export function keepDraft<T>(kind: DraftKind): Draft<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last: string | null | undefined;
  const write = async (body: string | null) => {
    clearTimeout(timer);
    waiting.delete(kind);
    if (body === last) return;
    last = body;
    try {
      if (body === null) await api.discardDraft(kind);
      else await api.saveDraft(kind, body);
    } catch {
      // Locked meanwhile, or a full disk: the text is still on screen, and the next change
      // tries again.
      last = undefined;
    }
  };
  return {
    changed(state) {
      const body = state === null ? null : JSON.stringify(state);
      clearTimeout(timer);
      timer = setTimeout(() => void write(body), KEEP_AFTER_MS);
      waiting.set(kind, () => write(body));
    },
    cancel() {
      clearTimeout(timer);
      waiting.delete(kind);
      last = null;
    },
  };
}

/** The draft kept for `kind`, if any. */
export async function takeDraft<T>(kind: DraftKind): Promise<T | null> {
  try {
    const found = (await api.drafts()).find((d) => d.kind === kind);
    return found ? (JSON.parse(found.body) as T) : null;
  } catch {
    return null;
  }
}

/** Words for a kept draft, for the note on Today: what it is, and the way back to it. */
export const DRAFT_WORDS: Record<DraftKind, { what: string; back: string }> = {
  journal: { what: 'a journal entry', back: 'Back to the journal entry' },
  notice: { what: 'something you noticed', back: 'Back to what you noticed' },
  session: { what: 'a session you were logging', back: 'Back to the session' },
  safety_plan: { what: 'changes to your safety plan', back: 'Back to the safety plan' },
};
