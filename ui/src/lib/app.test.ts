import { describe, expect, it } from 'vitest';
import { phaseFor } from './app.svelte';

const base = { version: '0.1.0', has_values: false, retry_after_seconds: 0, shortfall: null };

describe('which screen the status leads to', () => {
  it('sends a new device to onboarding and a locked one to unlock', () => {
    expect(phaseFor({ ...base, vault: 'new' })).toBe('onboarding');
    expect(phaseFor({ ...base, vault: 'locked' })).toBe('locked');
  });

  it('finishes onboarding before opening, when nothing matters yet', () => {
    expect(phaseFor({ ...base, vault: 'unlocked' })).toBe('onboarding');
    expect(phaseFor({ ...base, vault: 'unlocked', has_values: true })).toBe('open');
  });

  it('never starts onboarding over data Thaw found missing: it says what it found first', () => {
    const shortfall = { missing: [{ what: 'values', found: 0, expected: 2 }], changes_missing: true };
    expect(phaseFor({ ...base, vault: 'unlocked', shortfall })).toBe('held');
    expect(phaseFor({ ...base, vault: 'unlocked', has_values: true, shortfall })).toBe('held');
  });
});
