/**
 * Stage 2 across the whole post, for danger said indirectly: several weak cues that add up (logistics
 * of being gone next to a goodbye, body signs next to a drug, a threat from someone who is close by),
 * and harmless reasons to be away that keep goodbyes from flagging. Runs after `combineHits`.
 */
import { isActive } from "./combine-hits.ts";
import type { Hit } from "./hit-types.ts";
import { raiseHit } from "./raise-hit.ts";
import type { CueKind } from "./lexicon-types.ts";
import { levelRank } from "./levels.ts";

/** Post-wide markers the cluster rules read (own text only, never quotes). */
export interface ClusterFacts {
  /** A harmless reason to be away or hand things over: moving house, a new job, a parent's estate. */
  benignLeave: boolean;
  /** A drug or drink is named as used in the post. */
  substance: boolean;
  /** Someone is close by or about to be: outside, at the door, has a key, on the way. */
  near: boolean;
  /** The post names a time that is now or within hours ("tonight", "by Friday" is not). */
  nowInPost: boolean;
}

/** Kinds the cluster rules act on; without one of them in a post `combineClusters` changes nothing. */
export const CLUSTER_KINDS: ReadonlySet<CueKind> = new Set<CueKind>(["absence", "od_severe", "threat", "goodbye_strong", "goodbye_weak", "farewell", "concern", "delirium"]);

// Danger that a harmless reason to be away does not explain.
const DANGER: ReadonlySet<CueKind> = new Set<CueKind>([
  "ideation", "passive", "intent", "means_ready", "means_object", "means_research", "attempt", "self_harm", "od_strong", "od_event",
]);
const FINAL: ReadonlySet<CueKind> = new Set<CueKind>(["goodbye_strong", "goodbye_weak", "farewell", "absence"]);
const ABSENCE_PARTNERS: ReadonlySet<CueKind> = new Set<CueKind>([...DANGER, ...FINAL, "hopeless"]);
const USE_SIGNS: ReadonlySet<CueKind> = new Set<CueKind>(["od_context", "od_event", "od_strong", "use_now", "relapse", "withdrawal"]);
const OTHER_PARTNERS: ReadonlySet<CueKind> = new Set<CueKind>([...DANGER, ...FINAL]);
const BODY_SIGNS: ReadonlySet<CueKind> = new Set<CueKind>(["od_severe", "od_weak", "od_strong"]);
const WITHDRAWAL: ReadonlySet<CueKind> = new Set<CueKind>(["withdrawal"]);




/** Applies the cluster rules to `hits` in place. */
export function combineClusters(hits: Hit[], facts: ClusterFacts): void {
  const live = hits.filter(isActive);
  const self = live.filter((h) => h.who === "self");
  const other = live.filter((h) => h.who === "other");
  const distinct = (pool: readonly Hit[], kinds: ReadonlySet<CueKind>, except: Hit) =>
    pool.some((h) => h !== except && kinds.has(h.cue.kind) && h.matched !== except.matched);

  for (const hit of self) {
    if (hit.cue.kind === "absence") {
      // Arranging the world for after one is gone is finality said by logistics.
      if (distinct(self, ABSENCE_PARTNERS, hit)) raiseHit(hit, "urgent", "arrangements for being gone, next to other finality");
      else if (hit.nowInSentence || hit.when === "now") raiseHit(hit, "review", "arrangements for being gone, with a time");
    } else if (hit.cue.kind === "od_severe") {
      // A severe body sign is medical danger when a drug is in play; without one (panic, the gym) a
      // person should look only when it is happening now.
      // One that is over and days back ("had a seizure in withdrawal on Friday") is review, like any recent emergency.
      if (facts.substance || distinct(self, USE_SIGNS, hit)) raiseHit(hit, hit.when === "recent" ? "review" : "urgent", "severe body signs with a drug in play");
      else if (hit.nowInSentence && distinct(self, BODY_SIGNS, hit)) raiseHit(hit, "review", "severe body signs now");
    } else if (hit.cue.kind === "threat" && facts.near && hit.when !== "recent") {
      raiseHit(hit, "urgent", "the person threatening is close by");
    }
  }
  // The poster's worries, one per wording ("won't answer" twice is one sign).
  const concerns = new Set(live.filter((h) => h.cue.kind === "concern").map((h) => h.matched));
  const worried = concerns.size > 0;
  // What a family member sees before a suicide: the person cannot be reached, and they left words of
  // goodbye or went with the means. Two such signs about them, with the poster's worry, is now.
  // Words quoted from the thread are the poster's concern already (combine-hits.ts); they may be old.
  const othersSigns = other.filter((h) => (OTHER_PARTNERS.has(h.cue.kind) || h.cue.kind === "means_object") && !h.notes.some((n) => n.startsWith("quoted from")));
  const goodbyeSent = othersSigns.some((h) => FINAL.has(h.cue.kind));
  const signNow = othersSigns.some((h) => h.nowInSentence || h.when === "now" || h.when === "day");
  if (worried && othersSigns.length > 0 && (goodbyeSent || signNow || othersSigns.length + concerns.size >= 3)) {
    for (const hit of othersSigns) raiseHit(hit, "urgent", "someone who cannot be reached, with signs they may end their life");
  }
  for (const hit of other) {
    if (hit.cue.kind === "od_severe") {
      if (facts.substance || distinct(other, BODY_SIGNS, hit) || distinct(other, USE_SIGNS, hit)) raiseHit(hit, hit.when === "recent" ? "review" : "urgent", "someone with them shows severe signs after using");
      else raiseHit(hit, "review", "someone with them shows a severe body sign");
    } else if (hit.cue.kind === "delirium") {
      // Someone with them hallucinating while off alcohol or benzos (DTs), or after a drug with a body sign.
      // The stop is dated days back by nature ("stopped drinking 3 days ago and now…"), as for the poster's own DTs.
      if (distinct(other, WITHDRAWAL, hit)) raiseHit(hit, "urgent", "someone with them is hallucinating in withdrawal (DTs)");
      else if (facts.substance && distinct(other, BODY_SIGNS, hit)) raiseHit(hit, hit.when === "recent" ? "review" : "urgent", "someone with them is hallucinating after using");
    } else if (FINAL.has(hit.cue.kind) && (worried || hit.nowInSentence || hit.when === "day")) {
      // Someone else's goodbye that just arrived, while the poster cannot reach them, is happening now.
      const backed = worried && (hit.nowInSentence || hit.when === "day" || distinct(other, OTHER_PARTNERS, hit));
      raiseHit(hit, backed ? "urgent" : "review", "someone else's goodbye, just sent");
    }
  }
  capBenignLeave(hits, facts, live);
}

// "Moving house, thanks for everything, see you on the other side": a goodbye with a harmless reason
// to be away, and nothing else dangerous in the post, is not finality.
function capBenignLeave(hits: Hit[], facts: ClusterFacts, live: readonly Hit[]): void {
  if (!facts.benignLeave || live.some((h) => h.who === "self" && DANGER.has(h.cue.kind))) return;
  for (const hit of hits) {
    if (FINAL.has(hit.cue.kind) && levelRank(hit.level) > 1) {
      hit.level = "support";
      hit.notes.push("a harmless reason to be away");
    }
  }
}
