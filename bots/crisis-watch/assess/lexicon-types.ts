/**
 * The compiled form of `config/crisis/*.yaml`, produced by `loadCrisisLexicon` / `compileCrisisLexicon`.
 */
import type { EmojiTable } from "./normalize-text.ts";
import type { CrisisLane } from "./types.ts";

/**
 * What a cue says, which decides how context changes it (see `rate-hit.ts`):
 * - `ideation` wish or thought to kill oneself (review; urgent with a plan-like frame or "tonight").
 * - `passive` passive ideation and burden talk (review).
 * - `intent` a stated plan to act (urgent).
 * - `means_ready` lethal means prepared or at hand (urgent while current).
 * - `means_object` lethal means named as one's own; urgent only together with ideation or "now".
 * - `means_research` looking up methods (review).
 * - `attempt` an attempt (urgent within the last day, review later, support when old).
 * - `self_harm` self-injury (urgent now, review when recent).
 * - `goodbye_strong` / `goodbye_weak` / `farewell` finality, from clear to faint.
 * - `od_strong` / `od_event` / `od_context` / `od_weak` medical danger signs, from clear to faint.
 * - `od_severe` a severe body sign (chest pain, grey colour, won't stay awake, a fit): urgent with a
 *   substance in the post or a second sign, support alone.
 * - `absence` logistics of not being there (pet or kids rehomed by a date, keys left, "won't need it",
 *   a will signed, a scheduled post): urgent next to any finality cue, support alone.
 * - `withdrawal` stopping alcohol or benzos (the withdrawals that can kill); `delirium` hallucinations or
 *   confusion: together they are DTs (urgent).
 * - `use_now` using now or about to (dangerous with "alone" or after clean time).
 * - `violence` / `threat` harm from others.
 * - `concern` worry about someone else.
 * - `hopeless`, `relapse`, `craving` recovery struggle (support).
 * - `mention` the topic named without a person at risk (support; none as education or media).
 * - `scene` a word that names part of a dangerous scene (a place, a means, a body sign…) and says nothing
 *   alone: `none`, unless `combine-scene.ts` finds the parts of a scene together.
 */
export type CueKind =
  | "ideation"
  | "passive"
  | "intent"
  | "means_ready"
  | "means_object"
  | "means_research"
  | "attempt"
  | "self_harm"
  | "goodbye_strong"
  | "goodbye_weak"
  | "farewell"
  | "od_strong"
  | "od_event"
  | "od_context"
  | "od_weak"
  | "od_severe"
  | "absence"
  | "withdrawal"
  | "delirium"
  | "use_now"
  | "violence"
  | "threat"
  | "concern"
  | "hopeless"
  | "relapse"
  | "craving"
  | "mention"
  | "scene";

/**
 * The part of a dangerous scene a `scene` cue names: a means set up, a dangerous place, the brink itself
 * (`edge`), a lethal amount taken, finality, body signs, someone out of reach (`cut_off`), harm
 * threatened, a wish not to go on. See `combine-scene.ts` for how they add up.
 */
export type SceneFacet = "means" | "place" | "edge" | "taken" | "final" | "body" | "cut_off" | "violence" | "wish";

/** Context marker classes of a language (stage 2). */
export type MarkerName =
  | "negator"
  | "old"
  | "recent"
  | "day"
  | "now"
  | "hypothetical"
  | "education"
  | "media"
  | "self"
  | "other"
  | "you"
  | "generic"
  | "intent_frame"
  | "alone"
  | "clause_break"
  | "after_clean"
  | "joke"
  /** A harmless reason to be away or to hand things over (moving house, a new job, a parent's estate). */
  | "benign_leave"
  /** A drug or drink named or used in the post: what turns a body sign into medical danger. */
  | "substance"
  /** Someone is close by or about to be (outside, at the door, has a key, on the way). */
  | "near"
  /** Someone else's words are being reported ("she just texted", "he posted"): a goodbye after it is theirs. */
  | "reported";

/** Who a cue is about: fixed by the cue, or inferred from the nearest subject before it. */
export type CueWho = "self" | "other" | "infer";

/** One compiled cue. `re` is global; reset `lastIndex` or use `matchAll`. */
export interface CompiledCue {
  id: string;
  kind: CueKind;
  lanes: readonly CrisisLane[];
  who: CueWho;
  /** The cue counts only when the post also has a hit of one of these kinds. */
  needs: readonly CueKind[];
  /** Set for `scene` cues only. */
  facet?: SceneFacet;
  why: string;
  re: RegExp;
}

/** Everything needed to assess text in one language. */
export interface CompiledLanguage {
  language: string;
  cues: readonly CompiledCue[];
  /** The cues that might match a folded text, judged by its words alone (a superset of those that match). */
  candidates(folded: string): readonly CompiledCue[];
  /** True when any cue matches: the first test per post, which most posts end at. */
  any: { test(text: string): boolean };
  markers: Readonly<Partial<Record<MarkerName, RegExp>>>;
  /** The markers that might match a folded sentence, judged by its words alone. */
  markerCandidates(folded: string): ReadonlySet<MarkerName>;
}

/** The whole compiled lexicon. Immutable once built; safe to share between calls. */
export interface CompiledLexicon {
  languages: ReadonlyMap<string, CompiledLanguage>;
  emoji: EmojiTable;
  /** Each file's `source` line, for `kindred crisis check --sources` and the README. */
  sources: readonly { file: string; source: string }[];
}
