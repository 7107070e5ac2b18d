//! Every tunable number of the engine in one place, with why it has its value.
//! The simulation (`examples/simulate.rs`, figures in BENCHMARKS.md) is how these were checked.

/// Target probability of success: the largest rung whose predicted success reaches it is offered.
/// Wilson et al.'s 85 % rule, erring to the easy side for people rebuilding motivation.
pub const TARGET_SUCCESS: f64 = 0.9;

/// The belief about capacity on this person's usual day starts at a middling level...
pub const PRIOR_MEAN: f64 = -0.5;
/// ... with this much uncertainty (variance, logits²): the first answers move it a lot.
pub const PRIOR_VARIANCE: f64 = 1.6;
/// The belief never becomes more certain than this, so it keeps up with real change.
pub const MIN_VARIANCE: f64 = 0.08;
/// Nor less certain than this (after long gaps or several sessions).
pub const MAX_VARIANCE: f64 = 1.6;
/// Each day that passes adds this much uncertainty: people change.
pub const DAILY_VARIANCE: f64 = 0.002;
/// What a treatment session changes is a part of its own, this unsure when the session is
/// logged: the days after a session are when capacity moves most, so their evidence counts
/// for more...
pub const SESSION_VARIANCE: f64 = 0.8;
/// For this many days after a session, a step that goes better than expected lifts the
/// session's part, not the usual day (see `Capacity::observe`): the lift lasts two to three
/// weeks, and one taken for a new usual day offers steps too big as it fades. A lone step
/// that was too big in those weeks lowers the session's part too (the lift was less than
/// believed), so the usual day is not only ever lowered while the lift lasts.
pub const SESSION_LIFT_DAYS: i64 = 28;
/// ... when the usual day was already known (its variance at most this) at the session: a
/// session in someone's first days with Thaw leaves their usual day to be learned as usual.
pub const USUAL_SETTLED_VARIANCE: f64 = 0.5;
/// ... and it fades with this half-life (days): the lift after a session lasts weeks, not
/// for ever, and a lift that fades is not a new usual day.
pub const SESSION_HALF_LIFE_DAYS: f64 = 10.0;

/// The engine's own curve starts as the logistic's, P(success) = σ(SLOPE · (capacity − d)),
/// and learns how sharp this person's edge is (`SHARPNESS_*`).
pub const SLOPE: f64 = 1.4;
/// How unsure that sharpness starts...
pub const SHARPNESS_VARIANCE: f64 = 0.3;
/// ... and its bounds.
pub const SHARPNESS_MIN: f64 = 0.7;
/// See [`SHARPNESS_MIN`].
pub const SHARPNESS_MAX: f64 = 3.0;

/// After "too big" on a kind of step, growth waits this many days before reaching for that
/// kind again, doubling with each further "too big" up to BACKOFF_MAX_DAYS.
pub const BACKOFF_FIRST_DAYS: u32 = 7;
/// See [`BACKOFF_FIRST_DAYS`].
pub const BACKOFF_MAX_DAYS: u32 = 64;
/// ... except the very first stretch of each kind, which needs only this chance.
pub const FIRST_STRETCH_FLOOR: f64 = 0.5;
/// Each stretch of a kind that was too big (less those that went well) raises the chance the
/// next one of that kind needs by this much, up to the target itself.
pub const STRETCH_FLOOR_STEP: f64 = 0.15;
/// After a stretch that went well, the next stretch of that kind waits this many days.
pub const STRETCH_AGAIN_DAYS: u32 = 2;

/// Growth offers one rung above what surely fits when the estimate gives it at least this
/// chance.
pub const GROWTH_FLOOR: f64 = 0.7;

/// How steps of each kind went lately: an average of outcomes (Done 1, Started 0.5,
/// Smaller please 0) moving this far towards each new one...
pub const LATELY_RATE: f64 = 0.3;
/// ... and below this, a kind of step is not offered as a sure fit until it goes well again...
pub const LATELY_FLOOR: f64 = 0.7;
/// ... or until enough days have passed: what went badly fades with this half-life (days).
pub const LATELY_HALF_LIFE_DAYS: f64 = 4.0;

/// "Smaller please" is strong evidence about today: it counts this many times over there (the
/// usual day, the kind of step and the rung learn from it once).
pub const SMALLER_PLEASE_WEIGHT: f64 = 2.0;
/// "Started" is partial: outcome r = 0.5...
pub const STARTED_OUTCOME: f64 = 0.5;
/// ... and, when that is worse than expected, it is felt today this many times over (a step
/// begun and not finished says something about today).
pub const STARTED_WEIGHT: f64 = 1.0;
/// An internal shift is small positive evidence, this fraction of a Done on an internal rung.
pub const INTERNAL_SHIFT_WEIGHT: f64 = 0.25;

/// The recent-days part: how far the last few days can differ from the usual day (the
/// variance it returns to), and how fast it fades back to nothing. It carries a bad stretch
/// across days without dragging the usual day down with it.
pub const RECENT_VARIANCE: f64 = 0.15;
/// See [`RECENT_VARIANCE`].
pub const RECENT_HALF_LIFE_DAYS: f64 = 3.0;
/// This share of what today's answers said carries into the recent days when the day turns.
pub const TODAY_CARRY: f64 = 0.6;
/// Today's part starts every morning at this variance: loose, so that today's answers (a
/// "Smaller please" above all) are felt at once, and forgotten tomorrow.
pub const TODAY_VARIANCE: f64 = 0.25;

/// Fast down, slow up: a good surprise moves today's and the recent days' parts with only
/// this share of their uncertainty (a bad surprise with all of it).
pub const FAST_PARTS_UP_SHARE: f64 = 0.25;

/// The slow parts of the capacity model (the usual day, the kinds' and rungs' offsets, the
/// sharpness, what the words mean) read each answer allowing this chance that it says nothing
/// of the step's size (a knock at the door), as a rung's record does (`FIT_LAPSE`): one
/// "Smaller please" on a step predicted at 0.97 moves them 0.75 times as far, at 0.99 half as
/// far. Today's and the recent days' parts hear it in full. (Simulation, three seeds: the
/// longest stay on the smallest rung while more fits 19 / 32 / 85 -> 19 / 17 / 21 days, the
/// capable kinds' done-minutes 51 -> 52-53 % of the oracle's, the worst kind 1.8-1.9 -> 2.0 %
/// of offers above capacity; at 3 % the worst kind went to 2.1 %. With the first mornings'
/// words in and the act's first "a bit more?" at 0.3 to pay for it: longest 18 / 27 / 85 ->
/// 20 / 22 / 17 days, worst kind 1.87 / 1.81 / 1.88 -> 1.90 / 1.88 / 1.90 %, volatile days'
/// done-minutes 52 / 53 / 53 -> 52 / 52 / 51 %: a trade, taken because one unlucky answer
/// holding someone on the smallest step for months is the worse harm.)
pub const CAPACITY_LAPSE: f64 = 0.01;
/// ... unless the recent days and today already read this far (logits) below the usual day:
/// a second "too big" is no lapse (sudden crash kind on seed 99: 2.1 -> 1.9 % above capacity).
pub const RECENT_LOW: f64 = 0.1;

/// What each check-in answer means for this person starts at the tables below, this unsure.
pub const CHECKIN_VARIANCE: f64 = 0.1;

/// How much harder or easier each kind of step (internal, preparation, first minutes, the
/// act) is for this person than the priors say: learned across all their movements, starting
/// this unsure. People differ most in how far apart the kinds are: for some, preparing is
/// nearly as hard as doing.
pub const KIND_VARIANCE: f64 = 0.3;
/// ... and loosening by this much a day (up to `KIND_VARIANCE`), as the person changes.
pub const KIND_DAILY_VARIANCE: f64 = 0.002;

/// Each rung's own correction (on top of its kind's) starts this unsure: one movement's
/// "put your shoes by the door" may be much easier than another's "open the bill".
pub const RUNG_VARIANCE: f64 = 0.12;
/// After a step was too big, its difficulty is raised to at least the capacity it was
/// offered at, less this (logits): it is offered as a sure fit again only once capacity has
/// grown past it.
pub const TOO_BIG_MARGIN: f64 = 0.3;
/// Neighbouring rungs stay at least this far apart (logits) after learning, so the ladder's
/// order (smallest first) is never scrambled by noise.
pub const RUNG_MIN_GAP: f64 = 0.25;
/// A fresh offer is the breath-sized step when even the smallest rung looks this unlikely today.
pub const BREATH_FIRST_BELOW: f64 = 0.7;
/// The breath-sized step sits this far below rung 0.
pub const BREATH_BELOW_RUNG0: f64 = 1.5;

/// What check-in answers mean for the day (logits), for Low / Some / Good, before this
/// person's own answers teach otherwise. They are read against this person's own usual
/// check-in, so "Low" from someone whose days are usually low is their usual day.
pub const ENERGY_SHIFT: [f64; 3] = [-0.9, 0.0, 0.3];
/// See [`ENERGY_SHIFT`].
pub const MOOD_SHIFT: [f64; 3] = [-0.3, 0.0, 0.1];
/// See [`ENERGY_SHIFT`].
pub const ROOM_SHIFT: [f64; 3] = [-0.4, 0.0, 0.1];
/// How closely energy and mood words move together for the person the check-in tables are
/// for (a lift counts in full at this agreement; see `capacity::Words`). In the simulation the
/// words of people whose days swing agree at about 0.6, of steady people at 0.0–0.2; 0.4 sits
/// between, so the tables keep their meaning for a middling person. Learned gains at day 120
/// (`SIM_FINAL=1`): steady low 0.33, 01:30 nights 0.43, Not now 60 % 0.60, session 0.73, crash
/// 1.21, volatile days 1.29. The figures hardly move with it (0.3: session kind 1.8 % above
/// capacity; 0.5: within 0.1 point and one point of 0.4 everywhere)...
pub const WORDS_PRIOR_AGREEMENT: f64 = 0.4;
/// ... assumed for this many days' weight before the person's own words count more.
pub const WORDS_PRIOR_DAYS: f64 = 10.0;
/// Each day with both words, the earlier days' weight is multiplied by this (about two
/// months' memory): people change.
pub const WORDS_KEEP: f64 = 0.98;
/// Words that hardly move (variance of their score below this) say nothing about the day's
/// ups and downs.
pub const WORDS_MIN_VARIANCE: f64 = 0.02;
/// A lift counts at most this many times what the tables say, however closely the words
/// move together: the tables are fitted to people whose words do.
pub const CHECKIN_GAIN_MAX: f64 = 1.5;
/// How fast the usual check-in follows the check-ins given (per day with a check-in).
pub const USUAL_CHECKIN_RATE: f64 = 0.15;
/// No check-in means "this person's usual day", erring this little bit small for someone
/// who checks in (a day without one is a day the engine knows less about), and less as their
/// days without one become their usual days (`Capacity::checkin_days`): for someone who never
/// checks in, every answer that taught the model their usual day was given on such a day, so
/// the margin only held them below it until enough Dones near the edge had made up for it.
/// Scaled by the share (simulation, three seeds, `SIM_HELD=1`): never checks in 47 / 43 / 45 %
/// → 49 / 50 / 50 % of the oracle's done-minutes, capable people's first two-minute step day
/// 6 → 5 on two seeds, worst kind 1.84 / 1.84 / 1.83 → 1.85 / 1.79 / 1.85 % above capacity;
/// with the act's record-led "a bit more?" and the step up from the bottom (records at 5 %):
/// never checks in 48 / 46 / 48 → 54 / 54 / 54 %, worst kind 1.92 / 1.76 / 1.82 → 1.90 / 1.83 /
/// 1.88 %...
pub const NO_CHECKIN_MARGIN: f64 = 0.25;
/// ... the share of days with a check-in moving this far towards each day that closes (about
/// the last ten days the person opened Thaw on), after a running mean over the first days
/// (one day with a check-in assumed before them, so a newcomer's first day without one
/// already counts half). 0.2 gave the same figures within a point and 0.1 of a point.
pub const CHECKIN_DAYS_RATE: f64 = 0.1;
/// The usual day a morning's energy and mood words point to (see
/// `Capacity::hear_usual_words`): this for "Some" (logits), plus `WORDS_USUAL_PER_LEVEL` for
/// each step of their average towards "Good" (+1) or "Low" (−1). A little below the middle of
/// the check-in tables' scale, and a little flatter than the simulated people's words follow
/// their usual capacity (words about −0.9 for a usual day of −1.7, −0.55 for −1.0, +0.3 for
/// +0.4: about 1.8 a step): real people's words have their own habits, so they are read
/// erring small. Steeper (2.0) put the session kind's first two-minute step a day later on
/// one seed and volatile days at 1.9 % above capacity; 1.5, with the no-check-in margin by
/// check-in share and the act's "a bit more?" in, put the sudden-crash kind at 2.02 % on seed
/// 99 (1.2: 1.88 %, worst kind 1.87 / 1.81 / 1.88 % on the three seeds, the first two-minute
/// step still on day 4 or earlier in every kind that can take one).
pub const WORDS_USUAL_AT_SOME: f64 = -0.2;
/// See [`WORDS_USUAL_AT_SOME`].
pub const WORDS_USUAL_PER_LEVEL: f64 = 1.2;
/// One morning's words move the usual day as an observation of this precision would (1 /
/// logits²): less than one answer near the edge (about 0.5), so a morning never counts as
/// many answers. Half as much (0.15, same total) came too slowly to bring the first
/// two-minute step forward for people who say "Not now" often.
pub const WORDS_USUAL_DAY_PRECISION: f64 = 0.3;
/// All mornings' words together move it at most as this much precision would: two mornings.
/// How someone uses words is their own, and more mornings do not make that less so. 0.9 and
/// 1.2 put the session kind's first two-minute step a day later on one seed (its people say
/// "Low" most mornings, and their usual day was held low into their first session).
pub const WORDS_USUAL_MAX_PRECISION: f64 = 0.6;
/// A part of a check-in left out reads as usual, erring this little bit small.
pub const MISSING_PART_MARGIN: f64 = 0.1;

/// "A bit more?" is only suggested when the next rung's predicted success is at least this:
/// optional is not the same as careless.
pub const BIT_MORE_FLOOR: f64 = 0.6;

/// Days after a treatment session during which practice and integration are leaned towards.
pub const SESSION_WINDOW_DAYS: i64 = 14;

/// After this many "Not now" in one day, the day's offer is rest.
pub const NOT_NOW_REST_AFTER: u32 = 2;
/// At most this many offers per unit of budget in one day (bounds "Something else" loops).
pub const OFFERS_PER_BUDGET_UNIT: u32 = 3;

/// Value strength: EMA per day with half-life 14 days.
pub const STRENGTH_HALF_LIFE_DAYS: f64 = 14.0;
/// A run of at least this many days without a move is a gap (for the recovery marker).
pub const GAP_MIN_DAYS: i64 = 3;
/// Time-to-start samples kept per ISO week (far above what a day's budget allows).
pub const START_SAMPLES_PER_WEEK: usize = 64;

/// Readiness: weight of the flat prior over allowed hours, in "events".
pub const READINESS_PRIOR_WEIGHT: f64 = 3.0;
/// Readiness: each new event multiplies the older counts by this, so habits can change.
pub const READINESS_DECAY: f64 = 0.99;

/// Each rung's own record (`fit.rs`) reads answers through this curve, P(done) =
/// σ(FIT_SLOPE · margin): people's edges are sharper than the capacity model's starting curve
/// (the simulated people's slopes are 2–4).
pub const FIT_SLOPE: f64 = 2.5;
/// Grid points for the exact update of a rung's belief.
pub const FIT_GRID: usize = 41;
/// A rung's record (and a kind's) fades with this half-life (days). What fades is evidence,
/// not the step: a rung's difficulty against the person's usual day hardly drifts (the usual
/// day, the recent days and a session move in the capacity model, which each answer is read
/// through), so a record kept longer says more of the very step, the act above all. Three
/// seeds (issue 14, round thirteen; worst kind's share of offers above capacity, and
/// done-minutes against the oracle's for volatile days / never checks in / crash): 20 days
/// 1.96 / 1.87 / 1.90 % (61 / 61 / 60, 73 / 73 / 73, 65 / 68 / 67 %); 60 alone 1.98 / 2.06 /
/// 2.13 % (never checks in over 2 % on two seeds, crash 2.03 %): records firm on rungs sized
/// at 4 % were beyond those people 8 % of the time (`SIM_RISK`), paid for by
/// `RARE_CHECKIN_SIZE_RISK` and `BIT_MORE_ANY_RISK` 0.22: 1.97 / 1.97 / 1.97 % (61 / 62 / 62,
/// 76 / 73 / 72, 67 / 71 / 71 %; Not now 60 % 77 / 80 / 82 → 78 / 83 / 85 %). With those, 40
/// days 1.95 / 1.89 / 1.96 % (60 / 61 / 61, 73 / 73 / 72, 67 / 70 / 69 %; a 16-day stay on the
/// smallest rung on one seed); 120 days 2.02 / 2.00 / 2.09 %; no fading at all, each record
/// capped at precision 3, 2.09 / 2.03 / 2.11 %. Kept for the kinds' records too: alone (no
/// other change), the rungs' records at 60 and the kinds' at 20 gave 1.96 / 1.92 / 1.96 %
/// (never checks in 75 / 74 / 75, crash 68 / 68 / 69 %), the kinds' at 60 and the rungs' at
/// 20 1.99 / 2.04 / 2.07 % (never checks in over 2 %, 77 / 75 / 77 %): the kinds' records
/// carry most of the size and most of the cost.
pub const FIT_HALF_LIFE_DAYS: f64 = 60.0;
/// A rung's record never says more than this precision (1 / logits²), so it keeps up.
pub const FIT_MAX_PRECISION: f64 = 25.0;
/// How far one rung may sit from what its kind and length suggest, before its own answers
/// (variance, logits²): one movement's preparing step may be much easier than another's.
pub const FIT_RUNG_VARIANCE: f64 = 0.25;
/// How much a day may differ from what the check-in, the recent days and today's answers say
/// (variance, logits²), besides what a recent session may have changed.
pub const FIT_DAY_VARIANCE: f64 = 0.1;
/// A rung fits when the capacity model is sure of it (`TARGET_SUCCESS`) or when its record
/// puts its chance of being above capacity today at most this. One in twenty, not the tenth an
/// oracle of the person can afford: the record's chance is read through a curve and a spread
/// of days that are the engine's guesses, not the person's; for volatile days it is about half
/// what happens (simulation, `SIM_RISK=1`: steps given 4 % were beyond them 7–9 % of the time;
/// for the other kinds 3–5 %). Three seeds: 0.03 gave 2.3–2.4 % of offers above capacity in
/// the worst kind, 0.05 the same with 0–5 points more size, 0.08 2.5–2.6 % and the crash
/// target lost, 0.12 2.8–2.9 %. Once a check-in's lift counted only as far as the person's
/// words follow their days (`capacity::Words`), 0.06 cost nothing on the ceiling (worst kind
/// 1.8 %) for 1–2 points of done-minutes; but the act's first "a bit more?"
/// (`BIT_MORE_FIRST_RISK`) spends the same room better: records at 0.05 with that at 0.35
/// give volatile days 50–53 % of the oracle's done-minutes at 1.8–1.9 %, records at 0.06 with
/// it at 0.28 47–49 % at the same share. Once "a bit more?" may follow any Done
/// (`BIT_MORE_ANY_RISK`), the risk is better spent on the person's own yes than on steps the
/// engine sizes: three seeds, with the rest as now, 0.05 put the worst kind at 2.07 / 2.06 /
/// 2.13 % (volatile days 62 / 60 / 61 % of the oracle's done-minutes), 0.01 at 1.96 / 1.86 /
/// 1.90 % (61 / 61 / 60 %); 0 gives what 0.01 gives.
pub const SIZE_RISK: f64 = 0.01;
/// A rung's own record sizes it once it adds at least this precision (1 / logits²) to the
/// capacity model's prior: a few answers near its edge.
pub const FIT_KNOWN_PRECISION: f64 = 0.5;
/// A step within capacity is sometimes not done for reasons that have nothing to do with its
/// size, and one above it sometimes is: a rung's record reads each answer allowing this chance
/// of either, so one unlucky "too big" does not mark a step that fits as beyond the person.
pub const FIT_LAPSE: f64 = 0.03;
/// Growth's risk budget: growth and bit-more steps that were too big may number this many...
pub const GROWTH_FREE_MISSES: f64 = 0.5;
/// ... plus this share of all answers about size; beyond it, growth waits until the answers
/// catch up (see `Model::may_grow`).
pub const GROWTH_MISS_SHARE: f64 = 0.01;
/// ... and a reach that was too big weighs half as much after this many days.
pub const GROWTH_MISS_HALF_LIFE_DAYS: f64 = 21.0;
/// An untried rung is sized by its kind's record once that record adds at least this
/// precision: enough answers to steps of that kind, across movements.
pub const KIND_KNOWN_PRECISION: f64 = 1.5;
/// The risk read for a rung with no record to speak of (the capacity model decides alone).
pub const UNKNOWN_RISK: f64 = 0.15;
/// Growth the engine offers (not the person's own "a bit more?") is for the first answers
/// and the days after a session; after that, each rung's record sizes steps.
pub const GROWTH_EARLY_ANSWERS: u32 = 15;
/// Rungs' records size steps only while today and the recent days are not this far below the
/// usual day (logits): see `Model::records_hold`.
pub const RECORD_HOLD_MARGIN: f64 = 0.1;
/// After "Smaller please", the smaller step is sized this much below today's estimate
/// (logits), already lowered by the answer: a step that was too big is often the first sign
/// of a hard day, and the next offer should fit.
pub const SMALLER_EXTRA_MARGIN: f64 = 0.5;

/// A first try of a rung that adds less than this over the rung below (seconds) ...
pub const SMALL_GAIN_SECONDS: u32 = 60;
/// ... is offered as a fit, once the first answers are in, only at this predicted success
/// (see `select::Today::aim`).
pub const SMALL_FIRST_TRY_AIM: f64 = 0.96;
/// A step of the first minutes or the act (where the minutes are) is sized by the capacity
/// model alone only at this predicted success, not `TARGET_SUCCESS`: the room this leaves
/// below the ceiling of offers above capacity is spent on "a bit more?" after any Done
/// (`BIT_MORE_ANY_RISK`), which the person takes only when they feel able. Three seeds
/// (20260105 / 7 / 99), with "a bit more?" for untried steps at the risk given: 0.9 (and
/// 0.3 / 0.15) the worst kind 2.07 / 2.10 / 2.05 %, volatile days 58 %; 0.92 (0.15) 1.93 /
/// 2.02 / 1.95 %, 56–59 %; 0.93 (0.15) 1.88 / 1.90 / 1.87 %, 55–58 %; 0.94 (0.2) 1.91 / 1.89 /
/// 1.92 %, 59–60 %; 0.95 (0.22) 1.96 / 1.86 / 1.90 %, 60–61 %; 0.95 (0.25) 1.97 / 2.01 / 1.99
/// %, 62–63 %; 0.96 (0.28) 1.94 / 1.92 / 1.97 %, 61–62 %; 0.97 (0.3) 1.94 / 1.93 / 1.91 %,
/// 61–62 %. Raised for every rung (0.92), the smallest steps too, the first two-minute step
/// came a day later (median day 5) and a stay on the smallest rung of 19 days (never checks
/// in, seed 7).
pub const SIZED_BIG_AIM: f64 = 0.95;

/// "A bit more?" towards a movement's act, right after its first minutes were done (see
/// `select::bit_more`): asked when the act's own record puts its chance of being above
/// capacity today at most this. Looser than `SIZE_RISK`: the person pulls it, and takes it
/// about as often as it fits them...
pub const BIT_MORE_RISK: f64 = 0.2;
/// ... or, before the act has answers of its own, when the capacity model's prior (with a
/// rung's spread) gives it at most this. Simulation, three seeds, with `DAY_SPREAD_SCALE` 30
/// and the step up from the bottom (`BOTTOM_DAYS`); volatile days, who bind: done-minutes
/// against the oracle's, share of offers above capacity. With records at `SIZE_RISK` 0.05:
/// 0.35 gives 50–53 % at 1.8–1.9 %, 0.42 53–54 % at 1.9–2.0 % (too near the ceiling). With
/// records at 0.06: 0.28 47–49 % at 1.8–1.9 %, 0.35 50–52 % at 1.8–2.0 %. The engine before
/// it: 44–45 %. Once the slow parts of the capacity model read answers with a lapse
/// (`CAPACITY_LAPSE`), 0.35 put the worst kind at 1.95–1.99 %; 0.3 keeps it at 1.88–1.90 %
/// (volatile days 51–52 % of the oracle's done-minutes).
pub const BIT_MORE_FIRST_RISK: f64 = 0.3;

/// "A bit more?" after any Done, for the next rung up of the same movement (not only towards
/// the act, not only on a day growth's test opens): asked when that rung's own record puts
/// its chance of being above capacity today at most this ... An oracle of the person that
/// learns each rung from its own answers (`SIM_LEARN_ORACLE`) showed where the room is: sized
/// steps kept very safe and "a bit more?" asked freely, it reaches volatile days 75 % of the
/// oracle's done-minutes at 2 % above capacity, "a bit more?" carrying half of them; without
/// it, less than the engine. Still only while today has room, never on a day the person said
/// their energy is low, never as big as a step found too big today. Three seeds, volatile
/// days: with `BIT_MORE_ANY_FIRST_RISK` 0.15 and `SIZED_BIG_AIM` 0.92 on every rung, 0.3 gave
/// 56–58 % of the oracle's done-minutes at 1.89–1.99 % above capacity, 0.45 56–59 % at
/// 1.90–2.00 % (the untried rungs decide); with `TARGET_SUCCESS` everywhere, 0.3 (untried
/// 0.15) 58 % at 2.05–2.10 %, both at 0.2 59–60 % at 2.22–2.31 %.
/// Once records keep their evidence for two months (`FIT_HALF_LIFE_DAYS`), more of the
/// rungs asked about have answers of their own and this risk decides more (round thirteen,
/// three seeds, with `RARE_CHECKIN_SIZE_RISK`): 0.3 (records at 0.03 for people who rest
/// often too) put the crash kind at 1.97 / 1.98 / 2.03 % of offers above capacity (volatile
/// days 63 / 64 / 62 % of the oracle's done-minutes, crash 69 / 69 / 72 %); 0.26 at 1.98 /
/// 1.96 / 2.01 % (62 / 64 / 62, 69 / 69 / 71 %); 0.22 at 1.97 / 1.97 / 1.97 % (61 / 62 / 62,
/// 67 / 71 / 71 %).
pub const BIT_MORE_ANY_RISK: f64 = 0.22;
/// ... or, for a rung without answers of its own, when the capacity model's prior with a
/// rung's spread gives it at most this. This is where the size is: three seeds, with
/// `TARGET_SUCCESS` on every rung (`SIZE_RISK` 0.01), 0.4 put volatile days at 72–74 % of the
/// oracle's done-minutes but 2.8–3.0 % of their offers above capacity, 0.15 at 58 % and
/// 2.05–2.10 %; asked only on growth's days (at 0.3), 54–56 % at 2.04–2.07 %. With the first
/// minutes and the act sized surer (`SIZED_BIG_AIM`) the room pays for 0.22.
pub const BIT_MORE_ANY_FIRST_RISK: f64 = 0.22;
/// ... and for someone whose check-ins are usually low (`BOTTOM_USUAL_CHECKIN`), whatever the
/// rung, at most this: at 0.3 steady low's share above capacity went from 1.71–1.85 % to
/// 2.07–2.21 %; at 0.1, 1.79–1.91 %, their longest stays on the smallest rung shorter.
pub const BIT_MORE_ANY_LOW_RISK: f64 = 0.1;

/// A movement's first minutes vouch for asking about its act once done this many times in a
/// row, none too big in between (see `Model::step_below_vouches`): someone at the edge of the
/// first minutes is not asked about the act more readily. Simulation, three seeds (20260105 /
/// 7 / 99), never checks in, done-minutes against the oracle's at the act's vouched ask of
/// 0.6: a run of 1 (no guard: the question follows a Done of the first minutes anyway)
/// — / 66 / 63 % at 1.46–1.53 % of their offers above capacity, 3 66 / 65 / 61 % at
/// 1.40–1.46 %, 5 61 / 59 / 60 % at 1.30–1.32 %; the worst kind unchanged throughout.
pub const VOUCH_RUN: u32 = 3;
/// ... and then the act, never answered, is asked about when the capacity model's prior
/// (with a rung's spread) gives it at most this chance of being beyond the person today, on a
/// day without a check-in, for someone whose days mostly are (`VOUCH_CHECKIN_SHARE`). The
/// prior reads acts as less likely than they are for people it has never seen near them
/// (`SIM_HELD=2`/`3`: of the acts held back from people who never check in, though within
/// them, most were read as over 40 % likely to be beyond them, and read at least half a logit
/// below the truth); the person pulls the question and takes it on a day they feel able.
/// Simulation, three seeds, run of 3: never checks in 54 / 52 / 53 → 66 / 65 / 61 % of the
/// oracle's done-minutes, their share of offers above capacity 0.9–1.0 → 1.4–1.5 %, the worst
/// kind unchanged (1.90 / 1.88 / 1.90 %). At 0.45 (run of 5) 60 / 56 / 57 %; 0.7 (run of 5)
/// — / 60 / 60 % at 1.4 %.
pub const BIT_MORE_VOUCHED_RISK: f64 = 0.6;
/// ... for someone whose share of days with a check-in (`Capacity::checkin_days`) is at most
/// this. Open to everyone on days without a check-in, the vouched ask (at 0.45, run of 5) put
/// the worst kind at 1.96 / 1.91 / 2.00 % (sudden crash, volatile days: 0.05–0.1 points for a
/// point of their done-minutes); scaled by the share as the no-check-in margin is, 1.92 %.
pub const VOUCH_CHECKIN_SHARE: f64 = 0.5;
/// "A bit more?" past the day's budget (`select::Today::climbs_past_budget`): right after the
/// Done that used the last unit of a day without a check-in, for someone whose share of days
/// with a check-in is at most this. A day without a check-in allows two steps (`budget.rs`),
/// and "a bit more?" spent one of them: a movement's first minutes done second left no room
/// for its act, the one step the oracle of the person offers there (round eight,
/// `SIM_VS_ORACLE`). The climb counts as a step (the day then rests), so such a day holds at
/// most three steps, not two, the third the next rung up of the second and only when the
/// person takes it; days with a check-in (budget 2–5) are unchanged. Simulation, three seeds
/// (20260105 / 7 / 99): never checks in 66 / 65 / 61 → 72 / 70 / 70 % of the oracle's
/// done-minutes (offered 50 / 52 / 48 → 53 / 53 / 52 %) at 1.46 / 1.44 / 1.46 → 1.69 / 1.65 /
/// 1.63 % of offers above capacity; every other kind's figures unchanged (the worst kind
/// 1.90 / 1.89 / 1.91 %, crash within 3 98 / 96 / 98 %, longest stays). At 0.5 (as the
/// vouched ask) a few people of other kinds climb too: volatile days 1.89 → 1.90 % on seed 7,
/// Not now 60 % +1–2 points. For everyone on days without a check-in: the worst kind 1.92 /
/// 1.94 / 1.96 % (crash, volatile days), Not now +2–4 points, never checks in +8–12 (these
/// three with the vouched ask past the budget too); on every day, and by growth's test too:
/// 2.00 / 2.10 / 1.97 %. Only after a Not now today (its unit is not effort), for everyone:
/// Not now 60 % +2 / +3 / 0 points at 1.93 / 1.90 / 1.92 %. Not charging "a bit more?" a unit
/// (round eight) frees room for more fresh steps as well: 1.91 / 2.00 / 1.96 %.
pub const CLIMB_PAST_BUDGET_CHECKIN_SHARE: f64 = 0.2;

/// How far this person's days stray from what the check-in and the recent days say is
/// learned from what each day's answers said of it (today's part of the capacity model at the
/// day's end), following each day with answers at this rate ...
pub const DAY_SPREAD_RATE: f64 = 0.05;
/// ... and read as this many times the mean square of those: today's part learns from a few
/// answers only, and a good surprise moves it a quarter as far as a bad one
/// (`FAST_PARTS_UP_SHARE`), so what it shows is a small part of how days vary. A rung's
/// record reads the day as at least this unsure (`FIT_DAY_VARIANCE` otherwise): for someone
/// whose days swing, an act sized at 5 % risk on the flat 0.1 was beyond them 17 % of the
/// time (SIM_ACTS, volatile days). Simulation, three seeds, with `BIT_MORE_FIRST_RISK` 0.35
/// (before records at 0.06 and the step up from the bottom):
/// 15 gives volatile days 1.8–1.9 % of offers above capacity and 51–53 % of the oracle's
/// done-minutes, 30 1.7–1.8 % and 50–52 %: the lower share is room the act's first
/// "a bit more?" can use (`BIT_MORE_FIRST_RISK`).
pub const DAY_SPREAD_SCALE: f64 = 30.0;

/// After this many days in a row of offers only on the smallest rungs, the next rung up is
/// offered as a marked stretch (see `select::fresh`): Dones the model expected at 0.98 teach it
/// almost nothing, so without a try a capable person whose estimate fell after one unlucky
/// "too big" stayed on the smallest step for weeks (simulation: up to 26–30 days). Four, so
/// that the stretch comes within the seven days even when the next day or two cannot
/// carry it (three was no better on three seeds, and pushes more often).
pub const BOTTOM_DAYS: u32 = 4;
/// ... when the estimate gives that step at least this chance (0.7 and 0.8 gave the same
/// figures within a day or two).
pub const BOTTOM_FLOOR: f64 = 0.75;
/// ... and after `BOTTOM_DAYS_PAST_BUDGET` days, at least this: Dones on the smallest step,
/// expected at 0.99, do not lift the estimate of the next, and a capable person whose next
/// rung was read at 0.70–0.73 (true 0.95–0.98) stayed on the smallest step for 20 days
/// without a check-in, every day "below the floor" (simulation, seed 20260105, never checks
/// in, with the movement that has a bigger step going first, `select::fresh`). Simulation,
/// three seeds (20260105 / 7 / 99), with that: never checks in's longest stay while answers
/// say more fits 21 / 6 / 7 → 6 / 8 / 6 days; the worst kind's share above capacity
/// unchanged (1.90 / 1.89 / 1.91 %). After 8 days instead: at 0.55 8 / 6 / 7 days, at 0.65
/// 6 / 6 / 7, at 0.7 9 / 6 / 7. Steady low, whose step up needs its own record
/// (`BOTTOM_LOW_RISK`), hardly moves (without the movement going first, not at all).
pub const BOTTOM_LONG_FLOOR: f64 = 0.65;
/// ... and for someone whose usual check-in is low, only when that very step has answers of
/// its own and its record (those answers on the capacity model's prior, with a rung's spread)
/// gives it at most `BOTTOM_LOW_RISK` of being beyond them today: what their check-ins usually
/// say (the sum of the three parts' usual shifts, logits) is the one thing that tells, in the
/// first weeks, a person whose usual day is low from one whose smallest steps are simply going
/// well. Rung-0 Dones cannot: both do them every time. (Simulation: the steady-low people's
/// usual check-in sums to about −1.0, 99 % below −0.3; volatile days' to +0.25, 8 %.)
pub const BOTTOM_USUAL_CHECKIN: f64 = -0.5;
/// See [`BOTTOM_USUAL_CHECKIN`]. Closed to them altogether (round four), people whose
/// check-ins are usually low but whose days are not (in the simulation, some of those saying
/// Not now 60 % of the time, and people at 01:30 whose night check-ins said low energy) stayed
/// 15–22 days on the smallest step while the next fitted. Now what they have answered of that
/// step (a "bit more?" taken, a step up done or found too big; never rung-0 Dones alone, never
/// "Not now", which teaches no record) may open it. Simulation, three seeds, with
/// `BOTTOM_LONG_RECENT_MARGIN`: Not now 60 %'s longest stay 20 / 22 / 15 → 9 / 9 / 8 days;
/// steady low, who bind the ceiling when pushed, 1.6 / 1.6 / 1.8 → 1.7 / 1.7 / 1.9 % of offers
/// above capacity, and 10 / 14 / 10 → 6 / 6 / 7 % of them more than a week on the smallest step
/// while the next fitted. Asked of the step's kind across movements instead of its own answers,
/// at 0.1: 1.8 / 1.8 / 1.9 % for 9 / 8 / 7 %; at 0.15, 1.9 / 1.9 / 2.1 %. The step's own answers
/// at 0.2: about the same as at 0.15 (one steady-low stay of 24 days on seed 99).
pub const BOTTOM_LOW_RISK: f64 = 0.15;
/// ... on a day not more than this below the person's usual, by their check-in or the recent
/// days (logits), for someone whose check-ins usually say an ordinary day or better (less, the
/// nearer their usual check-in is to `BOTTOM_USUAL_CHECKIN`; see `Model::bottom_day`):
/// growth's stricter day test read an ordinary "some" from someone whose check-ins are usually
/// good as a day below usual, and kept a third of the session people at the bottom for more
/// than a week.
pub const BOTTOM_DAY_MARGIN: f64 = 0.3;
/// ... and after this many, even when growth's budget is spent (`Model::may_grow`): a week
/// on the smallest step while smaller steps go well costs the person more than one more try.
pub const BOTTOM_DAYS_PAST_BUDGET: u32 = 6;
/// ... and after as many, the recent days may read this far below the usual day (logits) on a
/// day that carries it (see `Model::bottom_day`): one "too big" on a preparing step sets the
/// recent days about 0.4 below usual, and Dones the model expected lift them hardly at all, so
/// they read low for a week while the smallest steps go well (with the check-in, the day test
/// held the step up on most days of stays past their fourth, `SIM_STAYS=1`; the recent days
/// reading low was the most common part of it). Today's answers, the check-in and a
/// word of low energy still hold it back. Simulation, three seeds, with `BOTTOM_LOW_RISK` and
/// the day's first check-in as the usual words (`Model::usual_words`): the share of people more
/// than a week on the smallest step while the next fitted and their answers said so fell in
/// nearly every kind (steady low 9.7 / 14.0 / 10.0 → 6.0 / 6.3 / 7.0 %, session 5.7 / 8.3 /
/// 7.3 → 3.7 / 7.0 / 5.3 %, 01:30 nights 6.0 / 5.3 / 6.0 → 2.0 / 2.7 / 1.3 %), the longest
/// such stay 20 / 22 / 17 → 12 / 13 / 19 days, the worst kind at 1.89 / 1.88 / 1.90 % of offers
/// above capacity (was 1.90 / 1.88 / 1.90). (0.6, or after five days: the same within a day.)
pub const BOTTOM_LONG_RECENT_MARGIN: f64 = 0.4;
/// ... and the day's check-in this far below the usual one (logits), as the recent days: one
/// lapse "too big" on a preparing step (true chance 0.98) left someone whose check-ins are
/// usually good on the smallest step while their ordinary "some" read as a day below usual
/// (`SIM_TRACE=6,216`, seed 20260105, 01:30 nights). A word of low energy still holds it back,
/// and the estimate's floor (`BOTTOM_LONG_FLOOR`), which reads the check-in, still applies.
/// Simulation, three seeds (20260105 / 7 / 99): the longest stay leaving out days said low
/// 8 / 13 / 8 → 6 / 13 / 8 days (01:30 nights 8 / 5 / 6 → 6 / 5 / 6), worst kind above
/// capacity 1.95 / 1.99 / 1.96 → 1.94 / 1.98 / 1.96 %, done-minutes unchanged in every kind.
/// With `BOTTOM_LONG_FLOOR` at 0.55 as well: no shorter stays (the two left are held by an
/// estimate that reads the preparing step at 0.3–0.67 when its truth is 0.9–0.95, and by the
/// low-check-in rule), crash within 3 on seed 99 98 → 97 %.
pub const BOTTOM_LONG_CHECKIN_MARGIN: f64 = 0.4;
/// "A bit more?" from the bottom: after this many days of offers only on the smallest rungs,
/// right after a smallest step was done, the next rung up is asked about even on a day
/// growth's test would not open (the recent days read low, a check-in below the usual one,
/// growth's budget spent; see `select::bit_more`), though never on a day the person said their
/// energy is low (a safety rule, pulled or pushed). The step up the engine offers
/// (`BOTTOM_DAYS`) keeps its own tests; this one the person pulls, takes on a day they feel
/// able, and "Not this time" is nothing. Simulation, three seeds (20260105 / 7 / 99), longest
/// stay on the smallest rung while more fitted and their answers said so, worst kind:
/// 12 / 13 / 19 → 12 / 13 / 15 days (01:30 nights 12 / 11 / 16 → 9 / 9 / 10, steady low
/// 12 / 13 / 19 → 12 / 11 / 15, the session kind 10 / 13 / 10 → 10 / 13 / 15: one person's
/// path), worst kind above capacity 1.89 / 1.89 / 1.90 → 1.88 / 1.90 / 1.91 %, size unchanged.
/// After 4 days: about the same stays at up to 1.97 %. Asked on low-energy days too (before
/// the property test caught it), the longest stays were 12 / 13 / 13 days.
pub const BOTTOM_BIT_MORE_DAYS: u32 = 6;
/// ... when the estimate gives it at least this chance (as `BOTTOM_FLOOR`; at 0.85 the stays
/// were as before, at 0.6 steady low reached 1.91 / 1.85 / 2.05 % with the check below and
/// 3.1–3.2 % without it).
pub const BOTTOM_BIT_MORE_FLOOR: f64 = 0.75;
/// ... and for someone whose check-ins are usually low (`BOTTOM_USUAL_CHECKIN`), only when that
/// very step has answers of its own and its record gives it at most this risk of being beyond
/// them today: looser than the pushed step up's `BOTTOM_LOW_RISK`, since the person pulls it
/// (at 0.2 their longest stays were 12 / 16 / 24 days, one person's path moving more than the
/// rule). Opening it after a longer stay to a step with no answers of its own at
/// `BOTTOM_LOW_RISK` put steady low at 1.98 / 1.97 / 2.12 % with no shorter stays.
pub const BOTTOM_BIT_MORE_LOW_RISK: f64 = 0.3;

/// How fast the share of "Not now" among answers to the steps offered
/// (`Model::not_now_share`) follows each one: about the last twenty.
pub const NOT_NOW_SHARE_RATE: f64 = 0.05;
/// Someone whose share of "Not now" is above this rests often enough that "a bit more?",
/// which only follows a Done, rarely comes: the room below the ceiling of offers above
/// capacity that it spends for others (`SIZED_BIG_AIM`, `SIZE_RISK`) is given back to the
/// steps the engine sizes for them, in full at `SPARE_NOT_NOW_FULL` (`Model::rests_often`).
/// The simulated people who say Not now 60 % of the time sat at 0.8–1.0 % of offers above
/// capacity, the rest at 1.5–2.0 %. At 0.2 / 0.4 a few volatile people (Not now 7 %, in
/// streaks) crossed it too (volatile 1.90 → 1.91 % on seed 99); at 0.3 / 0.45 every other kind's
/// figures are as before.
pub const SPARE_NOT_NOW_FROM: f64 = 0.3;
/// See [`SPARE_NOT_NOW_FROM`].
pub const SPARE_NOT_NOW_FULL: f64 = 0.45;
/// The first minutes and the act are sized by the capacity model alone at this predicted
/// success for someone who rests often (`SIZED_BIG_AIM` for others): `TARGET_SUCCESS`, as
/// before "a bit more?" after any Done was paid for. Simulation, three seeds (20260105 / 7 /
/// 99), Not now 60 %, done-minutes against the oracle's and share of offers above capacity:
/// main 63 / 67 / 68 % at 0.92 / 0.83 / 1.01 %; with this, `SPARE_SIZE_RISK` 0.05 and
/// `SPARE_BIT_MORE_FIRST_RISK` 0.37: 77 / 80 / 82 % at 1.47 / 1.51 / 1.74 % (every other kind
/// as before). Aim 0.88 (risk 0.05, "a bit more?" 0.37): 80 / 86 / 83 % at 1.69 / 1.85 / 1.98
/// %; 0.85 (risk 0.08, 0.32): 72 / 78 / 81 % at 1.84 / 1.84 / 2.09 %.
pub const SPARE_AIM: f64 = TARGET_SUCCESS;
/// A rung's record sizes it at this risk for someone who rests often, and (before records
/// kept their evidence for two months, see `RARE_CHECKIN_SIZE_RISK`) for someone who rarely
/// checks in (`SPARE_CHECKIN_SHARE`); `SIZE_RISK` for others. Never checks in, three
/// seeds: main 71 / 69 / 70 % of the oracle's done-minutes at 1.52 / 1.54 / 1.56 % above
/// capacity; 0.05: 73 / 73 / 73 % at 1.78 / 1.85 / 1.80 %; 0.066: 74 / 74 / 75 % at 1.84 /
/// 1.99 / 1.94 %; 0.08: 76 / 73 / 77 % at 1.97 / 2.02 / 1.97 %. Their aim for the first
/// minutes and the act lowered too (0.925, with 0.05) put them at 2.08–2.09 %, 0.9 at 1.96 /
/// 1.96 / 2.02 % (79 / 76 / 77 %): their acts are read from no check-in's lift, and a lower aim
/// there sizes acts on the days the no-check-in margin already errs least.
pub const SPARE_SIZE_RISK: f64 = 0.05;
/// A rung's record sizes it at this risk for someone who rarely checks in
/// (`SPARE_CHECKIN_SHARE`). Records kept for two months (`FIT_HALF_LIFE_DAYS` 60) became firm
/// on their rungs and steps, and those sized at a stated 4 % were beyond them 8 % of the time
/// (`SIM_RISK`, never checks in, seed 99; their acts are read from no check-in's lift): at
/// `SPARE_SIZE_RISK` they went to 1.95 / 2.06 / 2.13 % of offers above capacity (three seeds,
/// 78 / 78 / 77 % of the oracle's done-minutes); at 0.03 1.76 / 1.90 / 1.75 % (76 / 73 / 72 %;
/// main with 20 days and 0.05: 1.78 / 1.85 / 1.80 %, 73 / 73 / 73 %). Someone who rests often
/// keeps `SPARE_SIZE_RISK`: the same 0.03 for them cost Not now 60 % 1–4 points. A firm record
/// of the very step still sizes it at `FIRM_SIZE_RISK`, for them too.
pub const RARE_CHECKIN_SIZE_RISK: f64 = 0.03;
/// A rung whose own answers hold at least this precision in its record (1 / logits²: a few
/// answers near its edge, kept for two months by `FIT_HALF_LIFE_DAYS`) has a firm record ...
pub const FIRM_RECORD_PRECISION: f64 = 1.0;
/// ... and its record sizes it at this risk (`SIZE_RISK` otherwise, or looser for someone who
/// rests often): the room round eleven took from the steps the engine sizes, given back where
/// the step's own answers, not the capacity model's swinging kind parts, say it fits. Round
/// thirteen, three seeds (worst kind's share of offers above capacity; done-minutes against
/// the oracle's, volatile / never checks in / crash / 01:30): without it 1.97 / 1.97 / 1.97 %
/// (61 / 62 / 62, 76 / 73 / 72, 67 / 71 / 71, 73 / 71 / 75 %); 0.04 1.95 / 1.99 / 1.96 % (62 /
/// 62 / 63, 77 / 74 / 73, 69 / 71 / 72, 76 / 72 / 75 %). Firm records at the usual aim too (the
/// first-try aims `SMALL_FIRST_TRY_AIM` and `SIZED_BIG_AIM` only for rungs without one): 0.03
/// 1.98 / 1.98 / 2.02 %, 0.04 1.96 / 2.00 / 2.00 %, for about the same size. Records at
/// precision 1.5 sized at 0.05, or 2 at 0.08, moved nothing: few records get that firm.
/// It holds for someone who rarely checks in too (records not yet firm size at
/// `RARE_CHECKIN_SIZE_RISK`): with it, never checks in 1.77 / 1.90 / 1.72 % above capacity.
pub const FIRM_SIZE_RISK: f64 = 0.04;
/// ... and someone whose share of days with a check-in (`Capacity::checkin_days`) is at most
/// this rarely checks in (as `CLIMB_PAST_BUDGET_CHECKIN_SHARE`): their share of offers above
/// capacity sat at 1.5 %, below the others', since no check-in ever lifts their day.
pub const SPARE_CHECKIN_SHARE: f64 = 0.2;
/// "A bit more?" after any Done asks about a rung without answers of its own at this risk for
/// someone who rests often (`BIT_MORE_ANY_FIRST_RISK` for others): their Dones are few, so
/// each is one of few chances to be asked. Three seeds, Not now 60 %, with `SPARE_AIM` and
/// `SPARE_SIZE_RISK`: 0.22 (as others; thresholds 0.2 / 0.4) 66 / 75 / 77 % at 1.30 / 1.31 / 1.46 %; 0.37 77 / 80 /
/// 82 % at 1.47 / 1.51 / 1.74 %; 0.47 81 / 88 / 86 % at 1.74 / 1.65 / 2.02 %.
pub const SPARE_BIT_MORE_FIRST_RISK: f64 = 0.37;
