// The step card says a step's size once (product.md, "One message per moment"). A step whose
// own words name its length ("…, just for ten seconds.") says it there, and the engine's reason
// then leaves it out (`size_in_text`); otherwise the reason usually carries it ("You said energy
// is low, so this one takes about 30 seconds."); a separate size line is shown only when neither
// does.
import type { OfferView } from './ipc/types';

/** The size line under a step, or null when the step or its reason already says how long it takes. */
export function sizeLine(offer: Pick<OfferView, 'size_words' | 'reason' | 'size_in_text'>): string | null {
  if (offer.size_in_text) return null;
  const reason = offer.reason.toLowerCase();
  const size = offer.size_words.trim();
  if (!size) return null;
  // "one breath" is the size of the smallest step, said in the reason's own words.
  if (reason.includes(size.toLowerCase()) || reason.includes('one breath')) return null;
  return size.charAt(0).toUpperCase() + size.slice(1);
}
