/**
 * Stage 2 across sentences: cues that are serious together (means + wish to die, a goodbye + pills,
 * symptoms + a laced bag, using alone after clean time, worry + someone else's danger). Mutates the
 * hits' levels and notes; every rule only raises, except `needs`, which keeps an unmet cue at support.
 */
import type { Hit } from "./hit-types.ts";
import { raiseHit } from "./raise-hit.ts";
import type { CueKind } from "./lexicon-types.ts";
import { levelRank } from "./levels.ts";

/** Post-wide facts the rules need besides the hits. */
export interface PostFacts {
  alone: boolean;
  afterClean: boolean;
}

const SUICIDAL: ReadonlySet<CueKind> = new Set<CueKind>([
  "ideation", "passive", "intent", "goodbye_strong", "goodbye_weak", "farewell", "attempt", "means_research",
]);
const FINALITY_PARTNERS: ReadonlySet<CueKind> = new Set<CueKind>([
  "ideation", "passive", "intent", "means_ready", "means_object", "means_research", "attempt", "self_harm",
  "od_strong", "od_event", "od_context", "hopeless", "relapse", "goodbye_strong", "goodbye_weak", "farewell", "use_now",
]);
const FAREWELL_PARTNERS: ReadonlySet<CueKind> = new Set<CueKind>([
  "ideation", "passive", "intent", "means_ready", "means_object", "attempt", "od_strong", "od_event", "goodbye_strong", "goodbye_weak",
]);
const DEATH_TALK: ReadonlySet<CueKind> = new Set<CueKind>(["ideation", "passive"]);
const DESPAIR: ReadonlySet<CueKind> = new Set<CueKind>(["hopeless", "passive"]);
const OTHERS_DANGER: ReadonlySet<CueKind> = new Set<CueKind>([
  "ideation", "passive", "intent", "means_ready", "means_object", "attempt", "self_harm", "goodbye_strong",
  "goodbye_weak", "od_strong", "od_event", "od_context", "od_weak",
]);

/**
 * Counts as the poster's own, current words: not quoted, negated, hypothetical, old or framed. A
 * sentence that names the poster ("I'm about to use and I don't have narcan") is theirs even when it
 * also names a harm-reduction word.
 */
export function isActive(hit: Hit): boolean {
  // Worry is the poster's own even in a sentence that reads like advice ("if anyone knows him, call").
  const framed = hit.framed !== null && !(hit.who === "self" && hit.whoExplicit) && hit.cue.kind !== "concern";
  return !hit.quoted && !hit.negated && !hit.hypothetical && hit.when !== "old" && !framed && levelRank(hit.level) >= 1;
}

/** Applies the cross-sentence rules to `hits` in place. */
export function combineHits(hits: Hit[], facts: PostFacts): void {
  const active = hits.filter(isActive);
  const selfActive = active.filter((h) => h.who === "self");
  // Two cues matching the same words are one sign, not two.
  // Overlapping words ("my kids would be better" inside "my kids would be better off if I wasn't") are
  // one way of talking, said once; a means or a body sign inside a longer match ("🪢👋") is its own sign.
  const talk = (h: Hit) => !h.cue.kind.startsWith("means_") && !h.cue.kind.startsWith("od_");
  const same = (a: Hit, b?: Hit) =>
    a === b ||
    (b !== undefined &&
      a.sentence === b.sentence &&
      (a.matched === b.matched || (talk(a) && talk(b) && (a.matched.includes(b.matched) || b.matched.includes(a.matched)))));
  const has = (pool: readonly Hit[], kinds: ReadonlySet<CueKind>, except?: Hit) => pool.some((h) => !same(h, except) && kinds.has(h.cue.kind));

  for (const hit of hits) {
    if (hit.cue.needs.length === 0 || levelRank(hit.level) < 2) continue;
    const needs = new Set(hit.cue.needs);
    if (!active.some((h) => h !== hit && needs.has(h.cue.kind))) {
      hit.level = "support";
      hit.notes.push("no other sign in the post");
    }
  }
  for (const hit of selfActive) {
    switch (hit.cue.kind) {
      case "means_object":
        if (has(selfActive, SUICIDAL, hit)) raiseHit(hit, "urgent", "together with talk of dying");
        else if (hit.nowInSentence || hit.when === "day") raiseHit(hit, "urgent", "means at hand now");
        // Means in reach and "can't do this anymore": the despair is about living.
        else if (has(selfActive, new Set<CueKind>(["hopeless"]))) raiseHit(hit, "urgent", "together with hopelessness");
        break;
      case "means_ready":
      case "means_research":
        if (has(selfActive, SUICIDAL, hit) && hit.when !== "recent") raiseHit(hit, "urgent", "together with talk of dying");
        break;
      case "goodbye_weak":
        if (has(selfActive, FINALITY_PARTNERS, hit)) raiseHit(hit, "urgent", "finality next to other signs");
        break;
      case "farewell":
        if (has(selfActive, FAREWELL_PARTNERS, hit)) raiseHit(hit, "urgent", "a goodbye next to other signs");
        break;
      case "od_weak":
        if (active.some((h) => (h.cue.kind === "od_context" || h.cue.kind === "od_event") && h.who === "self")) {
          raiseHit(hit, "urgent", "symptoms after a dangerous use");
        } else if (has(selfActive, new Set<CueKind>(["use_now", "relapse"]))) raiseHit(hit, "review", "symptoms while using");
        break;
      case "delirium":
        // Hallucinations or confusion while stopping alcohol or benzos: delirium tremens.
        if (has(active.filter((h) => h.who === "self"), new Set<CueKind>(["withdrawal"]))) raiseHit(hit, "urgent", "while in withdrawal (DTs)");
        else if (has(selfActive, new Set<CueKind>(["use_now", "relapse", "od_context"]))) raiseHit(hit, "review", "while using");
        break;
      case "mention":
        // "suicide" named by someone who is in despair now is about them, not a topic.
        if (has(selfActive, DESPAIR, hit)) raiseHit(hit, "review", "the topic named next to present despair");
        break;
      case "withdrawal":
        if (has(selfActive, new Set<CueKind>(["od_weak"]))) raiseHit(hit, "review", "withdrawal symptoms");
        break;
      case "use_now":
        // Using alone is how overdoses kill: nobody there to call for help or give naloxone.
        if (has(selfActive, new Set<CueKind>(["goodbye_weak", "od_context", "od_weak"])) || facts.alone) {
          raiseHit(hit, "urgent", facts.alone ? "using alone" : "using with other danger signs");
        } else if (facts.afterClean) raiseHit(hit, "review", "using after clean time");
        break;
      default:
        break;
    }
  }
  // "I always said if I drank again I'd be done with life", then a relapse: the condition came true,
  // and a relapse with talk of not living is review (LABELS.md).
  if (selfActive.some((h) => h.cue.kind === "relapse")) {
    for (const hit of hits) {
      const conditional = hit.hypothetical && !hit.negated && !hit.quoted && hit.when !== "old" && hit.who === "self";
      if (conditional && DEATH_TALK.has(hit.cue.kind)) raiseHit(hit, "review", "a relapse, with talk of not living");
    }
  }
  // Worry about the person quoted: their words are theirs, the danger in them is the poster's concern.
  const concerned = active.some((h) => h.cue.kind === "concern");
  if (concerned) {
    for (const hit of hits) {
      if (!hit.quoted || (!OTHERS_DANGER.has(hit.cue.kind) && hit.cue.kind !== "hopeless")) continue;
      hit.who = "other";
      hit.quoted = false;
      raiseHit(hit, "review", "quoted from someone the poster is worried about");
      active.push(hit);
    }
  }
  const othersInDanger = active.filter((h) => h.who === "other" && OTHERS_DANGER.has(h.cue.kind));
  // Several physical signs at once (locked in, not answering, a thud) while someone worries: act now.
  const signs = othersInDanger.filter((h) => h.cue.kind.startsWith("od_") && h.when !== "recent" && h.when !== "day");
  if (concerned && signs.length >= 2) for (const hit of signs) raiseHit(hit, "urgent", "several signs someone has collapsed");
  if (othersInDanger.length > 0) {
    for (const hit of active) {
      if (hit.cue.kind === "concern") raiseHit(hit, "review", "worry about someone in danger");
    }
    for (const hit of othersInDanger) {
      if (active.some((h) => h.cue.kind === "concern")) raiseHit(hit, "review", "with worry for them");
    }
  }
}
