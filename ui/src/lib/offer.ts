// The step card says a step's size once (product.md, "One message per moment"). The engine's
// reason sentence usually carries the size already ("You said energy is low, so this one takes
// about 30 seconds."); a separate size line is shown only when it does not.
import type { OfferView } from './ipc/types';

/** The size line under a step, or null when the reason already says how long it takes. */
export function sizeLine(offer: Pick<OfferView, 'size_words' | 'reason'>): string | null {
  const reason = offer.reason.toLowerCase();
  const size = offer.size_words.trim();
  if (!size) return null;
  // "one breath" is the size of the smallest step, said in the reason's own words.
  if (reason.includes(size.toLowerCase()) || reason.includes('one breath')) return null;
  return size.charAt(0).toUpperCase() + size.slice(1);
}
