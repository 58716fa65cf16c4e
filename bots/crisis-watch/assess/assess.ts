/**
 * `assess`: the crisis level of one post (issue #3, "The assessment"). Pure: the same text, context
 * and lexicon always give the same answer; no I/O except loading the default lexicon once.
 */
import { buildEvidence, hitLanes } from "./build-evidence.ts";
import { CLUSTER_KINDS, combineClusters } from "./combine-clusters.ts";
import { combineHits } from "./combine-hits.ts";
import { combineScene } from "./combine-scene.ts";
import { recallFloorHit } from "./recall-floor.ts";
import { detectLanguage } from "./detect-language.ts";
import { findHits } from "./find-hits.ts";
import { foldText } from "./fold-text.ts";
import type { Hit } from "./hit-types.ts";
import { levelRank, maxLevel } from "./levels.ts";
import { loadCrisisLexicon } from "./load-crisis-lexicon.ts";
import type { CompiledLanguage, CompiledLexicon, MarkerName } from "./lexicon-types.ts";
import { normalizeText } from "./normalize-text.ts";
import { rateHit } from "./rate-hit.ts";
import { makeSentenceView, type SentenceView } from "./sentence-view.ts";
import { splitAuthorText } from "./split-author-text.ts";
import { splitSentences } from "./split-sentences.ts";
import type { AssessContext, Assessment, CrisisLane, Evidence, Level, Who } from "./types.ts";

/**
 * Assesses one post's raw markdown (or cooked HTML).
 *
 * @param raw - the post as Discourse sends it in `raw` (quotes as `[quote]`, `>` lines or `aside.quote`).
 * @param context - where the post is and when it was written.
 * @param lexicon - a compiled lexicon. @defaultValue `loadCrisisLexicon()` (config/crisis, cached)
 * @example
 * assess("kms tonight fr", { where: "topic", writtenAt: new Date() }).level // "urgent"
 */
export function assess(raw: string, context: AssessContext, lexicon: CompiledLexicon = loadCrisisLexicon()): Assessment {
  const ageHours = context.now ? Math.max(0, (context.now.getTime() - context.writtenAt.getTime()) / 3_600_000) : 0;
  const { own, quoted } = splitAuthorText(raw);
  // One folded line per sentence: cues anchored to a sentence match on its line.
  const ownSentences = splitSentences(own);
  const ownFolded = ownSentences.map((s) => foldText(normalizeText(s, lexicon.emoji))).join("\n");
  const language = detectLanguage(ownFolded.replace(/\n/g, " "), own);
  const unreadable = language === "other";
  const languages = pickLanguages(lexicon, language);

  // Fast path: most posts match no cue at all.
  const quotedText = quoted.join("\n");
  const quotedFolded = quotedText === "" ? "" : foldText(normalizeText(quotedText, lexicon.emoji));
  if (!languages.some((l) => l.any.test(ownFolded) || (quotedFolded !== "" && l.any.test(quotedFolded)))) {
    return finish("none", [], [], language, ageHours, unreadableFloor(unreadable, context, false));
  }

  const sentences: SentenceView[] = [];
  for (const text of ownSentences) sentences.push(makeSentenceView(sentences.length, text, false, lexicon.emoji));
  for (const q of quoted) for (const text of splitSentences(q)) sentences.push(makeSentenceView(sentences.length, text, true, lexicon.emoji));

  const writtenYear = context.writtenAt.getFullYear();
  const hits: Hit[] = [];
  const defaultWho = postStance(ownFolded);
  for (const lang of languages) hits.push(...findHits(sentences, lang, { writtenYear, unreadableLanguage: unreadable, defaultWho }));
  for (const hit of hits) {
    const rated = rateHit(hit);
    hit.level = rated.level;
    hit.notes = rated.notes;
  }
  const english = lexicon.languages.get("en");
  const postMarker = (marker: MarkerName) =>
    languages.some((l) => sentences.some((s) => !s.quoted && s.spans(l, marker).length > 0)) || (english !== undefined && sentences.some((s) => !s.quoted && s.spans(english, marker).length > 0));
  combineHits(hits, { alone: postMarker("alone"), afterClean: postMarker("after_clean") });
  // The post-wide markers cost a pass over every sentence: read them only when a cluster rule can use them.
  if (hits.some((h) => CLUSTER_KINDS.has(h.cue.kind))) {
    combineClusters(hits, {
      benignLeave: postMarker("benign_leave"),
      substance: postMarker("substance"),
      near: postMarker("near"),
      nowInPost: postMarker("now"),
    });
  }
  if (hits.some((h) => h.cue.kind === "scene")) {
    combineScene(hits, { nowInPost: postMarker("now"), substance: postMarker("substance"), near: postMarker("near"), benignLeave: postMarker("benign_leave") });
  }

  let level: Level = "none";
  for (const hit of hits) level = maxLevel(level, hit.level);
  // Missing a real crisis is the worst failure: an uncancelled danger cue of the poster's own goes to a person.
  // Not in posts that mostly speak to "you": supporters describe their own past to help others.
  const floorHit = level === "support" && defaultWho === "self" ? recallFloorHit(hits) : undefined;
  if (floorHit) {
    floorHit.level = "review";
    floorHit.notes.push("the poster's own words, in the present, with nothing that cancels them: a person should read it");
    level = "review";
  }
  const lanes = new Set<CrisisLane>();
  for (const hit of hits) for (const lane of hitLanes(hit, level)) lanes.add(lane);
  const evidence = buildEvidence(hits, level);
  const score = hits.reduce((sum, h) => sum + levelRank(h.level), 0) / 10;
  return finish(level, [...lanes], evidence, language, ageHours, unreadableFloor(unreadable, context, hits.length > 0), score);
}

// Subjectless sentences ("Found my dad's pistol.", "committing suicide will hurt them") are the
// poster's own in a post about themselves, and general talk in a post that mostly advises "you".
function postStance(folded: string): Who {
  const self = folded.match(/\b(?:i|im|ive|id|me|my|myself|mine)\b/g)?.length ?? 0;
  const you = folded.match(/\b(?:you|your|youre|yourself|u|ur|urself|youve|youd)\b/g)?.length ?? 0;
  return you > self ? "generic" : "self";
}

function pickLanguages(lexicon: CompiledLexicon, language: string): CompiledLanguage[] {
  const all = [...lexicon.languages.values()];
  // Spanish, French and Portuguese are told apart by a few words; their cues do not overlap, so a
  // non-English post is read with every lexicon and a misread between them loses nothing.
  if (language !== "en") return all;
  const en = lexicon.languages.get("en");
  const own = lexicon.languages.get(language);
  // English is always read too: members mix English slang into other languages.
  return [own, en === own ? undefined : en].filter((l): l is CompiledLanguage => l !== undefined);
}

// A post in a language Kindred cannot assess goes to review when any cue matched, or when it is a
// PM to a bot (someone wrote to us and we cannot read it).
function unreadableFloor(unreadable: boolean, context: AssessContext, anyCue: boolean): Evidence | null {
  if (!unreadable || (!anyCue && context.where !== "pm_to_bot")) return null;
  return {
    sentence: "",
    cues: ["language.unassessable"],
    matched: [],
    lane: "suicide_self_harm",
    level: "review",
    why: anyCue
      ? "written in a language Kindred cannot assess, and a crisis word matched: a person should read it"
      : "a private message to a bot in a language Kindred cannot assess: a person should read it",
  };
}

function finish(
  level: Level,
  lanes: CrisisLane[],
  evidence: Evidence[],
  language: string,
  ageHours: number,
  floor: Evidence | null,
  score = 0,
): Assessment {
  let finalLevel = level;
  const finalEvidence = evidence;
  if (floor && levelRank(level) < levelRank("review")) {
    finalLevel = "review";
    finalEvidence.push(floor);
  }
  return {
    level: finalLevel,
    lanes,
    evidence: finalEvidence,
    score: levelRank(finalLevel) + Math.min(0.99, score),
    language: language === "other" ? "other" : language,
    ageHours,
  };
}
