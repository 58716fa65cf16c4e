/**
 * The recall floor (issue #3: missing a real crisis is the worst failure; deployed triage tunes for
 * recall and routes to humans). A post that would end at `support` although one of its danger cues
 * is the author's own, about themself, and cancelled by no context at all — not quoted, negated,
 * hypothetical, a joke, an old story, about people in general, addressed to the reader, education or
 * media, nor next to a harmless reason to be away — goes to a moderator at `review`. Faint signs that
 * only matter together with others (a topic named, bodily symptoms without a substance, withdrawal
 * talk, logistics of being away) never lift a post on their own: they count only in the clusters
 * that combine them.
 */
import type { Hit } from "./hit-types.ts";
import type { CueKind } from "./lexicon-types.ts";
import type { CrisisLane } from "./types.ts";

const DANGER_LANES: ReadonlySet<CrisisLane> = new Set(["suicide_self_harm", "overdose_medical", "harm_from_others", "concern_for_other"]);
const FAINT_KINDS: ReadonlySet<CueKind> = new Set(["mention", "od_weak", "od_context", "od_severe", "withdrawal", "delirium", "farewell", "goodbye_weak", "absence"]);

/** The hit that lifts a `support` post to `review`, if there is one. */
export function recallFloorHit(hits: readonly Hit[]): Hit | undefined {
  return hits.find(
    (hit) =>
      hit.level === "support" &&
      hit.who === "self" &&
      !hit.quoted &&
      !hit.negated &&
      !hit.hypothetical &&
      !hit.joke &&
      hit.when !== "old" &&
      hit.framed === null &&
      !hit.unreadableLanguage &&
      !FAINT_KINDS.has(hit.cue.kind) &&
      !hit.notes.some((note) => note.includes("harmless reason")) &&
      hit.cue.lanes.some((lane) => DANGER_LANES.has(lane)),
  );
}
