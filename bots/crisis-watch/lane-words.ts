import type { CrisisLane, Level } from "./assess/types.ts";

/** How lanes and levels read to moderators. */
export const LANE_WORDS: Readonly<Record<CrisisLane, string>> = Object.freeze({
  suicide_self_harm: "suicide / self-harm",
  overdose_medical: "overdose / medical danger",
  harm_from_others: "harm from others",
  concern_for_other: "concern for someone else",
  relapse: "relapse",
  craving: "craving",
});

export const LEVEL_WORDS: Readonly<Record<Level, string>> = Object.freeze({
  urgent: "URGENT: someone may be in danger now or within hours",
  review: "review: worrying, not clearly imminent",
  support: "support: a struggle peers can answer",
  none: "no concern",
});

export const LEVEL_RANK: Readonly<Record<Level, number>> = Object.freeze({ none: 0, support: 1, review: 2, urgent: 3 });
