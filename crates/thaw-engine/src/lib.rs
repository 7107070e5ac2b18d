//! The small-permissions engine. Pure: no IO, no clock reads, no unseeded randomness.
//! Time and history come in as arguments; the same inputs always give the same offer.
