// A pretend core for looking at the UI in a plain browser (`VITE_THAW_MOCK=1 npm run dev`).
// Never part of a real build: main.ts only loads it when that variable is set at build time.
import { mockIPC } from '@tauri-apps/api/mocks';
import type { AppStatus, MovementView, OfferView, TodayView, ValueView } from './types';

export function install() {
  const status: AppStatus = { vault: 'new', version: '0.1.0', has_values: false, retry_after_seconds: 0, shortfall: null };
  const values: ValueView[] = [];
  const movements: MovementView[] = [];
  let step = 2;
  let moves = 0;
  let noticed = 0;
  let checkIn: TodayView['check_in'] = null;
  const rungs = [
    'Picture the person you want to write to',
    'Open the message app',
    'Write one line, without sending it',
    'Send a short hello',
  ];
  const offer = (): OfferView => ({
    offer_id: Date.now(),
    value_id: values[0]?.id ?? 1,
    value_words: values[0]?.words ?? 'Being there for my sister',
    movement_title: 'Say hello',
    text: rungs[step] ?? 'Take one slow breath',
    kind: 'preparation',
    size_words: ['about 10 seconds', 'about 30 seconds', 'about a minute', 'about 5 minutes'][step] ?? '',
    seconds: 30,
    size_in_text: false,
    reason: 'You said energy is low, so this one takes about 30 seconds.',
    bit_more: false,
  });
  const today = (): TodayView => ({
    date: '2026-11-22',
    check_in: checkIn,
    decision: { decision: 'offer', ...offer() },
    moves_today: moves,
    noticed_today: noticed,
    days_since_session: 3,
    questionnaire_due: false,
    said: null,
  });
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, any>;
    switch (cmd) {
      case 'status': return status;
      case 'assess_passphrase': {
        const words = String(a.passphrase).trim().split(/\s+/).length;
        const ok = String(a.passphrase).length >= 16 && words >= 3;
        return { score: ok ? 3 : 1, acceptable: ok, summary: ok ? 'That one is hard to guess.' : 'Almost there: a few more words would help.', suggestions: ok ? [] : ['Add another word or two.'] };
      }
      case 'create_vault': Object.assign(status, { vault: 'unlocked' }); return { recovery_code: 'QX7M-42PA-RT9K-B3WN-HJ6D', status: { ...status } };
      case 'unlock': if (a.passphrase !== 'correct horse battery') throw { kind: 'wrong_secret', message: 'That passphrase did not open Thaw.' }; status.vault = 'unlocked'; return { ...status };
      case 'lock': status.vault = 'locked'; return { ...status };
      case 'touch': return null;
      case 'drafts': return [];
      case 'save_draft': case 'discard_draft': return null;
      case 'life_areas': return [
        { area: 'relationships', label: 'Relationships', hint: 'Family, friends, people you care about' },
        { area: 'work_study_contributing', label: 'Work, study and contributing', hint: 'Learning, helping, making things' },
        { area: 'play_interests_creativity', label: 'Play, interests and creativity', hint: 'Music, games, being outside' },
        { area: 'mind_body_spirit', label: 'Mind, body and spirit', hint: 'Moving, resting, feeling connected' },
        { area: 'daily_responsibilities', label: 'Daily responsibilities', hint: 'Home, money, looking after things' },
      ];
      case 'library': return [
        { key: 'hello', area: a.area, title: 'Say hello to someone', rungs: rungs.map((text) => ({ text, kind: 'act', seconds: 30 })) },
        { key: 'walk', area: a.area, title: 'A short walk', rungs: [{ text: 'Put your shoes by the door', kind: 'preparation', seconds: 20 }] },
      ];
      case 'add_value': { const v = { id: values.length + 1, area: a.input.area, words: a.input.words, archived: false }; values.push(v); status.has_values = true; movements.push({ id: movements.length + 1, value_id: v.id, title: 'Say hello to someone', rungs: rungs.map((text) => ({ text, kind: 'act', seconds: 30 })), archived: false }); return v; }
      case 'values': return values;
      case 'movements': return movements;
      case 'today': return today();
      case 'check_in': checkIn = a.input; return today();
      case 'respond':
        if (a.input.response === 'smaller_please') step = Math.max(0, step - 1);
        if (a.input.response === 'done' || a.input.response === 'started') moves += 1;
        return today();
      case 'felt': return { ...today(), said: 'Thank you for saying.' };
      case 'bit_more': return today();
      case 'moment': return today();
      case 'notice': noticed += 1; return today();
      case 'progress': return {
        weeks: [['2026-10-05', 0, 1], ['2026-10-12', 1, 2], ['2026-10-19', 0, 0], ['2026-10-26', 2, 3], ['2026-11-02', 1, 4], ['2026-11-09', 3, 2], ['2026-11-16', 2, 5], ['2026-11-23', 1, moves]].map(([w, i, o]) => ({ week_start: w, inside: i, outside: o })),
        values: [
          { value_id: 1, words: 'Being there for my sister', points: [0.1, 0.15, 0.3, 0.28, 0.4, 0.55, 0.6].map((s, i) => ({ day: `2026-11-${String(i * 3 + 1).padStart(2, '0')}`, strength: s })) },
          { value_id: 2, words: 'Moving my body', points: [0.2, 0.18, 0.16, 0.3, 0.35, 0.33, 0.45].map((s, i) => ({ day: `2026-11-${String(i * 3 + 1).padStart(2, '0')}`, strength: s })) },
        ],
        feelings: [['2026-11-02', 3, 2], ['2026-11-09', 2.5, 2.2], ['2026-11-16', 2, 3]].map(([w, d, s]) => ({ week_start: w, dread_before: d, satisfaction_after: s })),
        evidence: [
          { at: '2026-11-22T09:05:00+01:00', day: '2026-11-22', text: 'Wrote one line to my sister', value_words: 'Being there for my sister', inside: false },
          { at: '2026-11-21T18:30:00+01:00', day: '2026-11-21', text: 'I thought about it without dread', value_words: null, inside: true },
        ],
        markers: { minutes_to_start: 12, days_to_return: 2 },
      };
      case 'journal': return [{ id: 1, at: '2026-11-21T20:00:00+01:00', day: '2026-11-21', text: 'The walk felt lighter than I expected.', prompt: 'What felt different this week?', session_id: null, to_discuss: true }];
      case 'add_journal': return { id: Date.now(), at: '2026-11-22T10:00:00+01:00', day: '2026-11-22', ...a.input };
      case 'this_day': return '2026-11-22';
      case 'integration_prompts': return ['What felt different since your last session?', 'What would you like to carry into this week?'];
      case 'settings': return { prompt_from_hour: 9, prompt_until_hour: 20, quiet_from_hour: 22, quiet_until_hour: 8, prompts_per_day: 2, auto_lock_minutes: 5, lock_away_seconds: 60, keep_running_in_background: false, questionnaire_every_days: 14 };
      case 'save_settings': return a.input;
      case 'backup': return { file: { id: 1, kind: 'backup', name: 'thaw-backup-2026-11-22.thawbackup', folder: '/home/you/Documents', written_on: '2026-11-22' }, bytes: 40960 };
      case 'choose_backup_file': return { name: 'thaw-backup-2026-11-22.thawbackup', made_on: '2026-11-22' };
      case 'written_files': return [{ id: 1, kind: 'backup', name: 'thaw-backup-2026-11-22.thawbackup', folder: '/home/you/Documents', written_on: '2026-11-22' }];
      case 'show_in_folder': return true;
      default: throw { kind: 'internal', message: `The pretend core does not know ${cmd}.` };
    }
  });
}
