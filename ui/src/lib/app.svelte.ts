// The UI's own state: which screen is showing. No user data lives here beyond what is on
// screen right now; everything else stays in the Rust core.
import type { AppStatus, Instrument, TodayView } from './ipc/types';

export type Screen =
  | 'today'
  | 'progress'
  | 'journal'
  | 'more'
  | 'values'
  | 'settings'
  | 'questionnaires'
  | 'safety-plan'
  | 'sessions'
  | 'summary';
export type Phase = 'loading' | 'error' | 'onboarding' | 'locked' | 'held' | 'open';

export const app = $state({
  phase: 'loading' as Phase,
  screen: 'today' as Screen,
  status: null as AppStatus | null,
  /** The Today view most recently returned by the core (check-in, respond, moment, notice). */
  today: null as TodayView | null,
  /** Bumped by "I have a moment", so Today leaves its check-in and shows the step. */
  moments: 0,
  /** Onboarding starts at this step when it opens. */
  onboardingStart: 'welcome' as 'welcome' | 'areas',
  crisisOpen: false,
  /** A questionnaire the crisis sheet may note for the next visit (set after PHQ-9 item 9). */
  crisisFlagId: null as number | null,
  /** Questionnaires noted for the next visit from the crisis sheet (so the result screen knows). */
  flaggedIds: [] as number[],
  /** The journal opens a new entry with this question and session (from Today's integration link). */
  journalStart: null as { prompt: string; latestSession: boolean } | null,
  /** Today's questionnaire card was put aside for now (this run only). */
  questionnaireCardHidden: false,
  /** A questionnaire left halfway (another tab, "Leave it for now"): its answers wait here, in
   * memory only, until the person lets them go or finishes; a lock lets them go. */
  questionnaireLeft: null as { instrument: Instrument; answers: (number | null)[]; index: number } | null,
  /** Bumped each time Thaw locks, so every secret field empties itself. */
  locks: 0,
});

/** Chooses the phase from the core's status. */
export function phaseFor(status: AppStatus): Phase {
  if (status.vault === 'new') return 'onboarding';
  if (status.vault === 'locked') return 'locked';
  // Opened with less than it held: say so before anything else, and never onboard over it.
  if (status.shortfall) return 'held';
  return status.has_values ? 'open' : 'onboarding';
}

export function applyStatus(status: AppStatus) {
  app.status = status;
  const next = phaseFor(status);
  if (next === 'locked' && app.phase !== 'locked') {
    app.locks += 1;
    app.questionnaireLeft = null;
  }
  if (next === 'onboarding') {
    app.onboardingStart = status.vault === 'new' ? 'welcome' : 'areas';
    // A new start (after Erase, or a restore from the first screen) opens on Today, not on
    // whichever screen the erased data was last seen on.
    app.screen = 'today';
  }
  if (next !== 'open') app.today = null;
  app.phase = next;
}

export function go(screen: Screen) {
  app.screen = screen;
}
