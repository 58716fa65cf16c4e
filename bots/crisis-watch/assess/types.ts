/**
 * Shared types of the crisis assessment (issue #3, "The assessment").
 *
 * `CrisisLane` is not the API-budget `Lane` of `plugins/discourse/lanes.ts`: these lanes say what kind
 * of danger a post shows, and decide which moderator queue and which resource card fit.
 */

/** Levels with the meanings of `../shared/crisis-data/recovery-forum/LABELS.md`, lowest first. */
export type Level = "none" | "support" | "review" | "urgent";

/** The kind of danger (or struggle) a piece of evidence points at. */
export type CrisisLane =
  | "suicide_self_harm"
  | "overdose_medical"
  | "harm_from_others"
  | "concern_for_other"
  | "relapse"
  | "craving";

/** Where the text came from; only `pm_to_bot` changes the rules (unreadable PMs go to review). */
export type Where = "topic" | "pm_to_bot" | "intake_reply" | "reviewable";

/** What the caller knows about the post besides its text. */
export interface AssessContext {
  where: Where;
  /** When the post was written: a year the post names ("in 2016") is old when it is before this year. */
  writtenAt: Date;
  /** The assessor's clock; defaults to `writtenAt`. Only used to report how old the post is. */
  now?: Date;
}

/** Who a sentence talks about. `generic` = "people who…", "someone who…". */
export type Who = "self" | "other" | "you" | "generic";

/** When a sentence happens, relative to the post. `present` = no marker. */
export type When = "now" | "day" | "recent" | "present" | "old";

/** One reason shown to moderators: the sentence, what matched and why it counts (or does not). */
export interface Evidence {
  /** The author's sentence (trimmed to at most 240 characters around the cue). */
  sentence: string;
  /** The cue ids that matched in the sentence, e.g. `suicide.ideation`. */
  cues: string[];
  /** The matched words, as folded for matching (e.g. `kill myself` for "k1ll mys3lf"). */
  matched: string[];
  lane: CrisisLane;
  /** The level this piece of evidence supports on its own or in combination. */
  level: Level;
  /** Plain words for moderators: what was found and which context changed it. */
  why: string;
}

/** The result of `assess`. */
export interface Assessment {
  level: Level;
  lanes: CrisisLane[];
  evidence: Evidence[];
  /** Ranks posts: the level's index (0–3) plus up to 0.99 for how much evidence backs it. */
  score: number;
  /** The language the rules were applied in (`und` when none could be read). */
  language: string;
  /** Hours between `writtenAt` and `now` (0 when `now` is not given). */
  ageHours: number;
}
