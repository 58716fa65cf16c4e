/**
 * Stage 1 (which cues match, per sentence) and the per-cue part of stage 2 (who, negation,
 * hypotheticals, plan frames, framing). Time is per sentence (`sentenceWhen`).
 */
import type { Hit } from "./hit-types.ts";
import type { CompiledCue, CompiledLanguage } from "./lexicon-types.ts";
import { crossesClause, type SentenceView, type Span, sentenceWhen } from "./sentence-view.ts";
import type { When, Who } from "./types.ts";

const REFLEXIVE: readonly [RegExp, Who][] = [
  [/\b(?:myself|my self|mself|meself|me)\b/, "self"],
  [/\b(?:himself|herself|themselves|themself)\b/, "other"],
  [/\b(?:yourself|urself|yourselves|your self)\b/, "you"],
  [/\b(?:my|mine)\b/, "self"],
  [/\b(?:your|ur|yours)\b/, "you"],
  [/\b(?:his|their|him|them)\b/, "other"],
  // "everyone would be better off if i wasnt around": a cue whose own words name "I" is the poster's,
  // whoever the sentence's first subject is.
  [/\b(?:i|im|ive|id)\b/, "self"],
];
const REPORTABLE: ReadonlySet<string> = new Set(["goodbye_strong", "goodbye_weak", "farewell", "absence", "intent"]);
const SUBJECTS = ["self", "other", "you", "generic"] as const;
const NEGATION_WINDOW_WORDS = 3;

/** Options for `findHits`. */
export interface FindHitsOptions {
  writtenYear: number;
  /** Who a sentence without any subject is about: the poster, unless the post mostly addresses "you". */
  defaultWho: Who;
  unreadableLanguage: boolean;
}

/**
 * Finds every cue of `language` in `sentences` (in order) and reads its context.
 * Levels are left at `none`; `rateHit` sets them.
 */
export function findHits(sentences: readonly SentenceView[], language: CompiledLanguage, options: FindHitsOptions): Hit[] {
  const hits: Hit[] = [];
  let previous: When = "present";
  // Read only next to a sentence where a cue matched (each reads markers of the sentence).
  // "again. right now. it won't stop": a fragment that is only a time marker dates its neighbours.
  const nowFragment = (v: SentenceView | undefined) =>
    v !== undefined && !v.quoted && v.folded !== "" && countWords(v.folded) <= 4 && v.spans(language, "now").length > 0;
  // "…seeing things in detox. That was 2014.": a short dating fragment right after a sentence dates it.
  const oldFragment = (v: SentenceView | undefined) =>
    v !== undefined && !v.quoted && v.folded !== "" && countWords(v.folded) <= 5 && v.spans(language, "old").length > 0 && v.spans(language, "now").length === 0;
  const matchesBySentence = findMatches(sentences, language);
  sentences.forEach((view, i) => {
    const matches = matchesBySentence[i];
    if (matches.length === 0) {
      // An old story goes on through past-tense sentences that match nothing.
      if (!view.quoted) previous = previous === "old" && view.folded !== "" ? sentenceWhen(view, language, options.writtenYear, previous) : "present";
      return;
    }
    const nearNow = nowFragment(sentences[i - 1]) || nowFragment(sentences[i + 1]);
    const next = sentences.slice(i + 1, i + 3);
    const own = sentenceWhen(view, language, options.writtenYear, previous);
    const datedOld = oldFragment(sentences[i + 1]) && !view.quoted && view.spans(language, "now").length === 0;
    const when = datedOld ? "old" : nearNow && own !== "old" ? "now" : own;
    if (!view.quoted) previous = when;
    const nowInSentence = nearNow || view.spans(language, "now").length > 0;
    // "…throw myself off the kerb. A full six inches. 😂": the laugh often closes a later sentence.
    const joke = [view, ...next].some((v) => !v.quoted && v.spans(language, "joke").length > 0);
    const framedBy = view.spans(language, "education").length > 0 ? "education" : view.spans(language, "media").length > 0 ? "media" : null;
    for (const { cue, index: start, text: matched } of matches) {
      const end = start + matched.length;
      hits.push({
        cue,
        matched,
        sentence: view.index,
        text: view.text,
        ...inferWho(view, language, cue, start, matched, options.defaultWho),
        when,
        negated: isNegated(view, language, start),
        hypothetical: view.spans(language, "hypothetical").some((s) => s.start < start),
        framed: framedBy,
        quoted: view.quoted,
        intentFrame: hasIntentFrame(view, language, start, end),
        nowInSentence,
        joke,
        unreadableLanguage: options.unreadableLanguage,
        level: "none",
        notes: [],
      });
    }
  });
  return hits;
}

interface CueMatch {
  cue: CompiledCue;
  /** Offset in the sentence's folded text. */
  index: number;
  text: string;
}

// The matches of every cue, sentence by sentence, found by scanning the whole post (one sentence per
// line) once per cue that can match it: the same matches as scanning each sentence, since no term reads
// across a line break, except where a match would take one in ("this is it\W*$" before an empty line):
// such a cue scans sentence by sentence, as written.
function findMatches(sentences: readonly SentenceView[], language: CompiledLanguage): CueMatch[][] {
  const bySentence: CueMatch[][] = sentences.map(() => []);
  const whole = sentences.map((v) => v.folded).join("\n");
  const lineStarts: number[] = [];
  let offset = 0;
  for (const v of sentences) {
    lineStarts.push(offset);
    offset += v.folded.length + 1;
  }
  for (const cue of language.candidates(whole)) {
    const found = matchesIn(cue, whole);
    if (found.length === 0) continue;
    if (found.some((m) => m[0].includes("\n"))) {
      sentences.forEach((v, i) => {
        if (v.folded !== "") for (const m of matchesIn(cue, v.folded)) bySentence[i].push({ cue, index: m.index, text: m[0] });
      });
      continue;
    }
    let line = 0;
    for (const m of found) {
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= m.index) line++;
      bySentence[line].push({ cue, index: m.index - lineStarts[line], text: m[0] });
    }
  }
  return bySentence;
}

// matchAll starts where the global expression last stopped (the post-wide test leaves it mid-text).
function matchesIn(cue: CompiledCue, text: string): RegExpExecArray[] {
  cue.re.lastIndex = 0;
  return [...text.matchAll(cue.re)];
}

function countWords(folded: string): number {
  let n = 1;
  for (let i = 0; i < folded.length; i++) if (folded.charCodeAt(i) === 32) n++;
  return n;
}

// `whoExplicit` is false when nothing in the sentence named a subject and the post's stance decided.
function inferWho(
  view: SentenceView,
  language: CompiledLanguage,
  cue: CompiledCue,
  start: number,
  matched: string,
  defaultWho: Who,
): { who: Who; whoExplicit: boolean } {
  const found = (who: Who) => ({ who, whoExplicit: true });
  // "My friend just texted 'thanks for everything'": a goodbye someone else wrote is their danger.
  if (cue.who === "self" && REPORTABLE.has(cue.kind) && view.spans(language, "reported").some((s) => s.end <= start)) return found("other");
  if (cue.who !== "infer") return found(cue.who);
  // A scene's pronouns are its objects ("swallowing all of them" is the pills), not people.
  const reflexive = cue.kind === "scene" ? undefined : REFLEXIVE.find(([re]) => re.test(matched))?.[1];
  if (reflexive !== undefined && reflexive !== "other") return found(reflexive);
  let best: { who: Who; span: Span } | null = null;
  for (const who of SUBJECTS) {
    for (const span of view.spans(language, who)) {
      if (span.start > start) break;
      const better =
        best === null ||
        span.start > best.span.start ||
        (span.start === best.span.start && span.end - span.start > best.span.end - best.span.start);
      if (better) best = { who, span };
    }
  }
  // "People kill themselves because…", "why does your brother want to kill himself?": a third person
  // named by people in general or by the reader's own family is not someone the poster is with.
  if (reflexive === "other") return found(best?.who === "generic" || best?.who === "you" ? best.who : "other");
  // Goodbyes and finality are the poster's own even after "thank you all".
  if (best?.who === "you" && cue.kind.startsWith("goodbye")) return found("self");
  return best ? found(best.who) : { who: defaultWho, whoExplicit: false };
}

function isNegated(view: SentenceView, language: CompiledLanguage, start: number): boolean {
  for (const span of view.spans(language, "negator")) {
    if (span.end > start) break;
    const between = view.folded.slice(span.end, start).trim();
    const words = between === "" ? 0 : between.split(" ").length;
    if (words <= NEGATION_WINDOW_WORDS && !crossesClause(view, language, span.end, start)) return true;
  }
  return false;
}

function hasIntentFrame(view: SentenceView, language: CompiledLanguage, start: number, end: number): boolean {
  for (const span of view.spans(language, "intent_frame")) {
    if (span.start >= start && span.end <= end) return true;
    if (span.end <= start) {
      const between = view.folded.slice(span.end, start).trim();
      const words = between === "" ? 0 : between.split(" ").length;
      if (words <= 2 && !crossesClause(view, language, span.end, start)) return true;
    }
  }
  return false;
}
