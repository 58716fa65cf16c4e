/**
 * Stage 2 across the whole post, for danger described as a scene rather than named: "sitting on the bank
 * by the railway line, trains every 20 minutes", "the hose from the garage, engine running". Each part of
 * such a scene is ordinary talk alone (a place, an object, a time, a body sign), so `scene` cues rate
 * `none`; this rule reads which parts the poster's own present sentences hold together. Cues of other
 * kinds count as the part they name (a goodbye is finality, an overdose sign is the body). Runs last.
 */
import { isActive } from "./combine-hits.ts";
import type { Hit } from "./hit-types.ts";
import type { CueKind, SceneFacet } from "./lexicon-types.ts";
import { levelRank } from "./levels.ts";
import type { Level } from "./types.ts";

/** Post-wide markers the scene rule reads (own text only). */
export interface SceneFacts {
  /** The post names a time that is now or within hours. */
  nowInPost: boolean;
  /** A drug or drink is named as used in the post. */
  substance: boolean;
  /** Someone is close by or about to be: outside, at the door, on the way. */
  near: boolean;
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
    hit.when !== "recent" &&
    hit.framed === null &&
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

  const has = (facet: SceneFacet) => parts.has(facet);
  // Two different words for the same part ("confused", "fever of 40") are two signs; one word twice is one.
  const signs = (facet: SceneFacet) => new Set(parts.get(facet)?.map((h) => h.matched)).size;
  const all = [...parts.values()].flat();
  const now = facts.nowInPost || all.some((h) => h.nowInSentence || h.when === "now");
  // Being at a dangerous place earlier today still matters; body signs from this morning have passed.
  const time = now || all.some((h) => h.when === "day");
  const lethal: SceneFacet[] = ["means", "place"].filter((f) => has(f as SceneFacet)) as SceneFacet[];

  const decide = (level: Level, facets: readonly SceneFacet[], note: string) => {
    for (const facet of facets) for (const hit of parts.get(facet) ?? []) raise(hit, level, note);
  };

  if (lethal.length > 0 && (time || has("final") || has("wish"))) {
    const why = has("final") ? "finality" : has("wish") ? "a wish not to go on" : "a time that is now";
    decide("urgent", [...lethal, "final", "wish"], `a means or a dangerous place, with ${why}`);
  }
  if (has("cut_off") && (lethal.length > 0 || has("final") || has("body") || has("wish"))) {
    decide("urgent", ["cut_off", ...lethal, "final", "body", "wish"], "someone out of reach, with danger around them");
  }
  // Illness has body signs too: they are danger with a drug in the post, or when many come at once now.
  if (signs("body") >= 2 && facts.substance) decide("urgent", ["body"], "several body signs of danger, with a drug");
  if (signs("body") >= 3 && now) decide("urgent", ["body"], "many body signs of danger at once, now");
  if (has("violence") && (time || facts.near)) decide("urgent", ["violence"], "harm threatened, with a time or the person close by");
  if (has("final") && signs("final") + (has("wish") ? 1 : 0) >= 2 && time) decide("urgent", ["final", "wish"], "finality in several ways, with a time");

  // Short of those, a scene still worth a moderator's look: a means or a place, someone out of reach, or
  // a threat, next to any other part; two body signs now; finality with a wish not to go on.
  const others = (facet: SceneFacet) => [...parts.keys()].filter((f) => f !== facet);
  for (const facet of [...lethal, "cut_off", "violence"] as SceneFacet[]) {
    if (has(facet) && others(facet).length > 0) decide("review", [facet, ...others(facet)], "several parts of a dangerous scene together");
  }
  if (signs("body") >= 2 && now) decide("review", ["body"], "several body signs of danger, now");
  // A means set up ("in the bath with the hair dryer plugged in") is the poster's own scene even alone.
  const ownMeans = parts.get("means")?.filter((h) => h.who === "self") ?? [];
  if (ownMeans.length > 0) for (const hit of ownMeans) raise(hit, "review", "a means set up, by the poster");
  // Passive ideation said in everyday words ("don't see the point of tomorrow") is review, as the `passive` cues are.
  for (const hit of parts.get("wish") ?? []) if (hit.cue.kind === "scene" && hit.who === "self") raise(hit, "review", "a wish not to go on, in the poster's own words");
  if (has("final") && has("wish")) decide("review", ["final", "wish"], "finality with a wish not to go on");
}

function raise(hit: Hit, level: Level, note: string): void {
  if (levelRank(level) > levelRank(hit.level)) {
    hit.level = level;
    hit.notes.push(note);
  }
}
