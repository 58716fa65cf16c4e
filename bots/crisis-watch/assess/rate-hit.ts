/**
 * Stage 2, one cue at a time: the level a cue supports given who it is about, when it happens,
 * negation, hypotheticals, framing and quoting. Combinations across sentences are `combine-hits.ts`.
 */
import type { Hit } from "./hit-types.ts";
import type { CueKind } from "./lexicon-types.ts";
import type { Level } from "./types.ts";

// Kinds that are serious without anything else in the post (before context lowers them).
const SELF_NOW: Readonly<Partial<Record<CueKind, Level>>> = {
  ideation: "review",
  passive: "review",
  intent: "urgent",
  means_ready: "urgent",
  means_research: "review",
  attempt: "review",
  self_harm: "review",
  goodbye_strong: "urgent",
  od_strong: "urgent",
  od_event: "review",
  violence: "urgent",
  threat: "review",
};

// Talk that hyperbole can carry ("kms lol"); means, symptoms and events are never laughed off.
const JOKABLE: ReadonlySet<CueKind> = new Set<CueKind>(["ideation", "passive", "intent", "mention", "goodbye_weak", "farewell", "hopeless"]);

const RISK_ABOUT_OTHERS: ReadonlySet<CueKind> = new Set<CueKind>([
  "ideation", "passive", "intent", "means_ready", "attempt", "self_harm", "goodbye_strong", "od_strong", "od_event",
]);

/**
 * Rates one hit. Everything stage 1 matched ends at least at `support`, except topic mentions in
 * education or media framing (harm-reduction posts are `none`, issue #3) and scene words, which are
 * context rather than cues: they count only together (`combine-scene.ts`).
 */
export function rateHit(hit: Hit): { level: Level; notes: string[] } {
  const notes: string[] = [];
  const kind = hit.cue.kind;
  // A scene word alone ("the roof", "my pills") is ordinary talk; `combine-scene.ts` reads them together.
  if (kind === "scene") return { level: "none", notes };
  const namedSelf = hit.who === "self" && hit.whoExplicit;
  // An overdose that happened ("got revived with narcan") is an event even in a sentence naming narcan.
  const framable = kind === "mention" || kind.startsWith("means_") || (kind.startsWith("od_") && (kind !== "od_event" || hit.framed === "media"));
  // "my roommate is blue, I gave him narcan" is an emergency, not a lesson: a person the sentence
  // names (not a fixed-subject cue like "can't wake them") is not education.
  const namedOther = hit.who === "other" && hit.whoExplicit && hit.cue.who === "infer" && hit.framed === "education" && kind.startsWith("od_");
  if (hit.framed && !namedSelf && framable && !namedOther) {
    notes.push(hit.framed === "education" ? "harm-reduction or education, no one at risk" : "about a book, film or the news");
    return { level: kind.startsWith("means_") ? "support" : "none", notes };
  }
  if (hit.quoted) return { level: "support", notes: ["quoted from someone else"] };
  if (hit.negated) return { level: "support", notes: ["negated"] };
  if (hit.hypothetical) return { level: "support", notes: ["hypothetical"] };
  if (hit.joke && !hit.nowInSentence && JOKABLE.has(kind)) return { level: "support", notes: ["said as a joke"] };
  if (hit.who === "you") return { level: "support", notes: ["addressed to the reader"] };
  if (hit.who === "generic") return { level: "support", notes: ["about people in general"] };
  if (hit.when === "old") return { level: "support", notes: ["told as an old story"] };
  if (hit.framed && hit.who === "other" && !namedOther) return { level: "support", notes: ["about a book, film or the news"] };
  if (hit.who === "other") return rateOther(hit, notes);
  return rateSelf(hit, notes);
}

function rateSelf(hit: Hit, notes: string[]): { level: Level; notes: string[] } {
  const kind = hit.cue.kind;
  const base = SELF_NOW[kind] ?? "support";
  const now = hit.when === "now" || hit.nowInSentence;
  const day = hit.when === "day";
  const recent = hit.when === "recent";
  if (now) notes.push("happening now");
  else if (day) notes.push("within the last day");
  else if (recent) notes.push("recent");
  switch (kind) {
    case "ideation":
      if (hit.intentFrame) notes.push("stated as a plan");
      return { level: hit.intentFrame || now ? "urgent" : "review", notes };
    case "means_ready":
    case "od_strong":
    case "violence":
      return { level: recent ? "review" : "urgent", notes };
    case "means_research":
    case "od_event":
    case "attempt":
      return { level: now || day ? "urgent" : "review", notes };
    case "threat":
      // A threat with a time ("when he gets home tonight") is about to happen.
      return { level: now ? "urgent" : "review", notes };
    case "self_harm":
      return { level: now ? "urgent" : "review", notes };
    default:
      return { level: base, notes };
  }
}

// The matched words are a death by suicide ("committed suicide", "killed himself", "took his own life"); not an
// overdose or an injury, where someone may still be saved.
const COMPLETED_ACT = /^(?:(?:comited|comitted|committed|commited|died by|died of) suicide|(?:kiled|killed|ended) (?:him|her|them)sel|(?:took|ended) (?:his|her|their) (?:own )?life)/;

function rateOther(hit: Hit, notes: string[]): { level: Level; notes: string[] } {
  notes.push("about someone else");
  const kind = hit.cue.kind;
  if (!RISK_ABOUT_OTHERS.has(kind)) return { level: "support", notes };
  // A death by suicide: nobody can be saved by hurrying. Told without a recent time ("his dad committed
  // suicide") it is a story or a loss to grieve, which peers answer; a recent one is a loss the poster is
  // reeling from, and a moderator should know.
  if (COMPLETED_ACT.test(hit.matched)) {
    const recent = hit.when === "now" || hit.when === "day" || hit.when === "recent" || hit.nowInSentence;
    notes.push(recent ? "a recent death the poster is reeling from" : "a death told as a story");
    return { level: recent ? "review" : "support", notes };
  }
  // "Day" is not "now" for someone else: an emergency over since last night is one the poster is
  // reeling from (review), unless it is still going on (signs in the present).
  const now = hit.when === "now" || hit.nowInSentence;
  if (kind === "od_strong" && hit.when !== "recent") return { level: "urgent", notes };
  // Someone else's stated plan is urgent when it is current ("just called saying he's going to…").
  if ((kind === "intent" || (kind === "ideation" && hit.intentFrame)) && (now || hit.when === "day")) return { level: "urgent", notes };
  if ((kind === "attempt" || kind === "od_event" || kind === "means_ready") && now) return { level: "urgent", notes };
  // Someone else's death wish or goodbye is a risk to them: review (LABELS.md: concern_for_other).
  return { level: "review", notes };
}
