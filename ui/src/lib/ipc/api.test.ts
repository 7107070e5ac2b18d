import { describe, expect, it } from 'vitest';
import { isAppError, toAppError } from './api';

describe('errors from the core', () => {
  it('keeps {kind, message} errors as they are', () => {
    const error = { kind: 'wrong_secret', message: 'That passphrase did not open Thaw.' };
    expect(isAppError(error)).toBe(true);
    expect(toAppError(error)).toBe(error);
  });

  it('turns anything else into a kind internal error', () => {
    for (const thrown of ['boom', new Error('x'), null, 42, { kind: 1 }]) {
      const error = toAppError(thrown);
      expect(error.kind).toBe('internal');
      expect(error.message).toMatch(/Nothing you wrote was lost/);
    }
  });
});
