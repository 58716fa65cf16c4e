/**
 * Stage 2 across the whole post, for danger described as a scene rather than named: "parked by the level
 * crossing, the last train is due at eleven", "the hose from the garage, engine running". Each part of
 * such a scene is ordinary talk alone (a place, an object, a time, a body sign), so `scene` cues rate
 * `none`; this rule reads which parts the poster's own present sentences hold together. Cues of other
 * kinds count as the part they name (a goodbye is finality, an overdose sign is the body). Runs last.
 */
import { isActive } from "./combine-hits.ts";
import type { Hit } from "./hit-types.ts";
import { raiseHit } from "./raise-hit.ts";
import type { CueKind, SceneFacet } from "./lexicon-types.ts";
import type { Level } from "./types.ts";

/** Post-wide markers the scene rule reads (own text only). */
export interface SceneFacts {
  /** The post names a time that is now or within hours. */
  nowInPost: boolean;
  /** A drug or drink is named as used in the post. */
  substance: boolean;
  /** Someone is close by or about to be: outside, at the door, on the way. */
  near: boolean;
  /** A harmless reason to be away or hand things over: moving house, a service rotation, a new job. */
  benignLeave: boolean;
}

// The part of a scene that cues of other kinds stand for.
const FACET_OF_KIND: Readonly<Partial<Record<CueKind, SceneFacet>>> = {
  means_object: "means",
  means_ready: "means",
  goodbye_strong: "final",
  goodbye_weak: "final",
  farewell: "final",
  absence: "final",
  od_severe: "body",
  od_weak: "body",
  od_strong: "body",
  delirium: "body",
  violence: "violence",
  threat: "violence",
  passive: "wish",
  ideation: "wish",
  hopeless: "wish",
};

// A part counts when it is told as happening: not quoted, denied, imagined, laughed off, an old story,
// advice to "you", or a lesson or the news. Cues of other kinds must not be about people in general
// either; a scene word may ("the people in the walls keep telling me to jump").
function told(hit: Hit): boolean {
  return (
    !hit.quoted &&
    !hit.negated &&
    !hit.hypothetical &&
    !hit.joke &&
    hit.when !== "old" &&
    // Someone else's words from days ago still count while they cannot be reached; the poster's own are past.
    (hit.when !== "recent" || hit.who === "other") &&
    // "The pharmacy gave me a 90 day supply": a lesson's word does not make the poster's own scene a lesson.
    (hit.framed === null || (hit.who === "self" && hit.whoExplicit)) &&
    hit.who !== "you" &&
    (hit.who !== "generic" || hit.cue.kind === "scene")
  );
}

/** Applies the scene rule to `hits` in place. */
export function combineScene(hits: Hit[], facts: SceneFacts): void {
  const parts = new Map<SceneFacet, Hit[]>();
  for (const hit of hits) {
    if (!told(hit) || (hit.cue.kind !== "scene" && !isActive(hit))) continue;
    const facet = hit.cue.kind === "scene" ? hit.cue.facet : FACET_OF_KIND[hit.cue.kind];
    if (facet) parts.set(facet, [...(parts.get(facet) ?? []), hit]);
  }
  if (![...parts.values()].some((list) => list.some((h) => h.cue.kind === "scene"))) return;
  // "My last meeting as secretary, handing the keys to Carla": finality a harmless reason explains is not
  // a part, unless there is more of it than a move or a handover gives (a cover story is a reason too).
  if (facts.benignLeave && distinctSigns(parts.get("final") ?? []) < 4) parts.delete("final");

  const has = (facet: SceneFacet) => parts.has(facet);
  // Two different words for the same part ("confused", "fever of 40") are two signs; the same words
  // matched twice, or inside a longer match in the same sentence, are one.
  const signs = (facet: SceneFacet) => distinctSigns(parts.get(facet) ?? []);
  const all = [...parts.values()].flat();
  const now = facts.nowInPost || all.some((h) => h.nowInSentence || h.when === "now");
  // Being at a dangerous place earlier today still matters; body signs from this morning have passed.
  const time = now || all.some((h) => h.when === "day");
  const others = (facet: SceneFacet) => [...parts.keys()].filter((f) => f !== facet);
  const decide = (level: Level, facets: readonly SceneFacet[], note: string) => {
    for (const facet of facets) for (const hit of parts.get(facet) ?? []) raiseHit(hit, level, note);
  };

  // Enough alone: someone at the brink right now, or a lethal amount just taken.
  if (has("edge")) decide("urgent", ["edge", ...others("edge")], "at the edge of a drop, a road or the tracks, now");
  if (has("taken")) decide("urgent", ["taken", ...others("taken")], "a lethal amount taken or a deep wound, just now");
  if (has("means") && (time || has("final") || has("wish"))) {
    const why = has("final") ? "finality" : has("wish") ? "a wish not to go on" : "a time that is now";
    decide("urgent", ["means", "place", "final", "wish"], `a means set up, with ${why}`);
  }
  if (has("place") && (has("means") || has("final") || has("wish"))) {
    decide("urgent", ["place", "means", "final", "wish"], `a dangerous place, with ${has("means") ? "a means" : has("final") ? "finality" : "a wish not to go on"}`);
  }
  // "Under the bridge at -18 tonight, can't feel my feet": a dangerous place and the body failing, now.
  if (has("place") && has("body") && now) decide("urgent", ["place", "body"], "a dangerous place, with body signs, now");
  const lethal = (["means", "place"] as const).filter((f) => has(f));
  if (has("cut_off") && (lethal.length > 0 || has("final") || has("body") || has("wish"))) {
    decide("urgent", ["cut_off", ...lethal, "final", "body", "wish"], "someone out of reach, with danger around them");
  }
  // Illness has body signs too: they are danger with a drug in the post (or coming off one), or when
  // many come at once now.
  const drug = facts.substance || hits.some((h) => h.cue.kind === "withdrawal" && isActive(h));
  if (signs("body") >= 2 && drug) decide("urgent", ["body"], "several body signs of danger, with a drug");
  if (signs("body") >= 3 && now) decide("urgent", ["body"], "many body signs of danger at once, now");
  // One threat is review ("if I go to the police she'll make me pay", "I'm scared of him"); scene words of
  // harm in several sentences (a door kicked in, hiding in the bathroom) are harm under way.
  const violenceSentences = new Set(parts.get("violence")?.filter((h) => h.cue.kind === "scene").map((h) => h.sentence)).size;
  if (has("violence") && (time || facts.near || violenceSentences >= 2)) decide("urgent", ["violence"], "harm threatened, with a time, the person close by, or told in several sentences");
  // "Locked in the bathroom, not answering, no sound, and he has been using": the overdose behind a door.
  if (signs("cut_off") >= 2 && drug) decide("urgent", ["cut_off"], "someone using, shut in and out of reach");
  if (signs("place") >= 3) decide("urgent", ["place"], "a dangerous place described several ways");
  const finality = signs("final") + (has("wish") ? 1 : 0);
  if (has("final") && ((finality >= 2 && time) || signs("final") >= 3)) decide("urgent", ["final", "wish"], "finality said several ways");

  // Short of those, a scene still worth a moderator's look: a means, a place, someone out of reach or
  // a threat next to any other part; two body signs now; finality said twice or with a wish.
  for (const facet of ["means", "place", "cut_off", "violence"] as const) {
    if (has(facet) && others(facet).length > 0) decide("review", [facet, ...others(facet)], "several parts of a dangerous scene together");
  }
  if (has("place") && (time || signs("place") >= 2)) decide("review", ["place"], "a dangerous place, with a time or described twice");
  if (signs("body") >= 2 && now) decide("review", ["body"], "several body signs of danger, now");
  if (has("final") && finality >= 2) decide("review", ["final", "wish"], "finality said more than once");
  // A means set up ("in the bath with the hair dryer plugged in") is the poster's own scene even alone.
  for (const hit of parts.get("means") ?? []) if (hit.who === "self") raiseHit(hit, "review", "a means set up, by the poster");
  // Passive ideation said in everyday words ("don't see the point of tomorrow") is review, as the `passive` cues are.
  for (const hit of parts.get("wish") ?? []) if (hit.cue.kind === "scene" && hit.who === "self") raiseHit(hit, "review", "a wish not to go on, in the poster's own words");
}

function distinctSigns(hits: readonly Hit[]): number {
  const kept = hits.filter(
    (hit, i) =>
      !hits.some(
        (other, j) =>
          other.sentence === hit.sentence &&
          other.matched.includes(hit.matched) &&
          (other.matched.length > hit.matched.length || (other.matched === hit.matched && j < i)),
      ),
  );
  return new Set(kept.map((h) => h.matched)).size;
}


