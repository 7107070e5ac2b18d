// A call or text from the crisis sheet: handed to the device by the core, and what the sheet
// says afterwards. The UI never builds a tel: or sms: link (the webview would try to open it
// itself and be lost); the core turns the number into one and says whether the device took it.
import { api } from './ipc/api';
import type { ReachBy } from './ipc/types';

/** What one Call or Text button reaches, and how the sheet names it. */
export type ReachAction = {
  by: ReachBy;
  /** The number the core dials: "988", or a contact's number as the core read it. */
  number: string;
  /** The number as shown to the person: "988", "555-0142". */
  shown: string;
  /** The words a text starts with ("HOME"), if any. */
  body: string | null;
  /** Who, in a sentence: "988", "741741", "Maya". */
  who: string;
};

/** What came of the last tap, shown beside the button that was tapped. */
export type Outcome = {
  key: string;
  action: ReachAction;
  /** The device's phone or messages app has it. */
  handed: boolean;
  /** Show the number to use from another phone (the device cannot, or nothing opened). */
  showNumber: boolean;
};

export const actionKey = (a: ReachAction) => `${a.by}:${a.number}:${a.who}`;

/** "Call 988", "Text HOME to 741741", "Text Maya". */
export function verb(a: ReachAction): string {
  if (a.by === 'call') return `Call ${a.who}`;
  return a.body ? `Text ${a.body} to ${a.who}` : `Text ${a.who}`;
}

/** Said when nothing on this device places calls (or texts). Plain, no alarm. */
export const cannotHere = (by: ReachBy) =>
  by === 'call' ? "This device can't place calls." : "This device can't send texts.";

/** The one thing to do instead: "Call 988 from any phone." */
export const fromAnyPhone = (a: ReachAction) => `${verb(a)} from any phone.`;

/** Said once the device has it: true at that moment, whatever the person does next. */
export function opening(a: ReachAction): string {
  return a.by === 'call'
    ? `Opening your phone app to call ${a.who}.`
    : `Opening your messages app to ${verb(a).replace(/^Text/, 'text')}.`;
}

/** The sheet's state for calls and texts: one outcome at a time, one hand-off at a time. */
export function createReaching(reach = api.reach) {
  let outcome = $state<Outcome | null>(null);
  let busy = false;
  return {
    get outcome() {
      return outcome;
    },
    async reach(action: ReachAction) {
      if (busy) return;
      busy = true;
      let handed = false;
      try {
        handed = (await reach({ by: action.by, number: action.number, body: action.body })) === 'handed_over';
      } catch {
        // Whatever went wrong, the person gets the number to use from any phone.
        handed = false;
      } finally {
        busy = false;
      }
      outcome = { key: actionKey(action), action, handed, showNumber: !handed };
    },
    /** "Nothing opened?": the number, for another phone. */
    showNumber() {
      if (outcome) outcome = { ...outcome, showNumber: true };
    },
    clear() {
      outcome = null;
    },
  };
}

/** Copies `text`; falls back to selecting `node`'s text and the older copy command. */
export async function copyText(text: string, node?: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!node) return false;
    const range = document.createRange();
    range.selectNodeContents(node);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return document.execCommand('copy');
  }
}
