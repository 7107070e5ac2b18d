import { describe, expect, it } from 'vitest';
import { cannotHere, createReaching, fromAnyPhone, opening, verb, type ReachAction } from './reach.svelte';
import type { ReachInput, Reached } from './ipc/types';

const call988: ReachAction = { by: 'call', number: '988', shown: '988', body: null, who: '988' };
const textHome: ReachAction = { by: 'text', number: '741741', shown: '741741', body: 'HOME', who: '741741' };
const textMaya: ReachAction = { by: 'text', number: '+15550100142', shown: '+1 (555) 010-0142', body: null, who: 'Maya' };

describe('what the crisis sheet says about a call or text', () => {
  it('names each action the way its button does', () => {
    expect(verb(call988)).toBe('Call 988');
    expect(verb(textHome)).toBe('Text HOME to 741741');
    expect(verb(textMaya)).toBe('Text Maya');
  });

  it('says what to do from another phone, plainly', () => {
    expect(cannotHere('call')).toBe("This device can't place calls.");
    expect(cannotHere('text')).toBe("This device can't send texts.");
    expect(fromAnyPhone(call988)).toBe('Call 988 from any phone.');
    expect(fromAnyPhone(textHome)).toBe('Text HOME to 741741 from any phone.');
    expect(fromAnyPhone(textMaya)).toBe('Text Maya from any phone.');
  });

  it('says the app is opening, and nothing it cannot know', () => {
    expect(opening(call988)).toBe('Opening your phone app to call 988.');
    expect(opening(textHome)).toBe('Opening your messages app to text HOME to 741741.');
    expect(opening(textMaya)).toBe('Opening your messages app to text Maya.');
  });
});

describe('reaching from the sheet', () => {
  function fake(answer: Reached | Error) {
    const calls: ReachInput[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const reach = async (input: ReachInput) => {
      calls.push(input);
      await gate;
      if (answer instanceof Error) throw answer;
      return answer;
    };
    return { calls, release, reaching: createReaching(reach) };
  }

  it('asks the core with the number to dial and the body, once per tap', async () => {
    const { calls, release, reaching } = fake('handed_over');
    const first = reaching.reach(textHome);
    await reaching.reach(textHome); // a second tap while the first is on its way is ignored
    release();
    await first;
    expect(calls).toEqual([{ by: 'text', number: '741741', body: 'HOME' }]);
    expect(reaching.outcome).toMatchObject({ handed: true, showNumber: false, action: textHome });
  });

  it('shows the number when the device cannot call, and when anything goes wrong', async () => {
    for (const answer of ['not_on_this_device', new Error('x')] as const) {
      const { release, reaching } = fake(answer);
      release();
      await reaching.reach(call988);
      expect(reaching.outcome).toMatchObject({ handed: false, showNumber: true });
    }
  });

  it('"Nothing opened?" leads to the number too', async () => {
    const { release, reaching } = fake('handed_over');
    release();
    await reaching.reach(textMaya);
    reaching.showNumber();
    expect(reaching.outcome).toMatchObject({ handed: true, showNumber: true });
    reaching.clear();
    expect(reaching.outcome).toBeNull();
  });
});
