/**
 * A sentence prepared for stage 2: folded text, clause boundaries, marker spans (computed lazily,
 * only for sentences where a cue matched) and the sentence's time.
 */
import { foldText } from "./fold-text.ts";
import type { CompiledLanguage, MarkerName } from "./lexicon-types.ts";
import { type EmojiTable, normalizeText } from "./normalize-text.ts";
import type { When } from "./types.ts";

/** A start/end span in the folded sentence. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One sentence of the post, as stage 2 reads it. */
export interface SentenceView {
  index: number;
  text: string;
  folded: string;
  quoted: boolean;
  /** Start offsets of clauses in `folded` (commas, semicolons, "but"…). */
  clauseStarts: number[];
  spans(language: CompiledLanguage, marker: MarkerName): readonly Span[];
}

/** Folds `text` and records clause boundaries at punctuation. */
export function makeSentenceView(index: number, text: string, quoted: boolean, emoji: EmojiTable): SentenceView {
  const pieces = normalizeText(text, emoji)
    .split(/[,;:()"“”]+|\s[-–—]+\s/)
    .map(foldText)
    .filter((p) => p !== "");
  const clauseStarts: number[] = [];
  let folded = "";
  for (const piece of pieces) {
    if (folded !== "") folded += " ";
    clauseStarts.push(folded.length);
    folded += piece;
  }
  const cache = new Map<string, Span[]>();
  const possible = new Map<string, ReadonlySet<MarkerName>>();
  return {
    index,
    text,
    folded,
    quoted,
    clauseStarts,
    spans(language, marker) {
      const key = `${language.language}:${marker}`;
      let found = cache.get(key);
      if (!found) {
        const re = language.markers[marker];
        let may = possible.get(language.language);
        if (may === undefined) {
          may = language.markerCandidates(folded);
          possible.set(language.language, may);
        }
        found = re && may.has(marker) ? [...folded.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] })) : [];
        cache.set(key, found);
      }
      return found;
    },
  };
}

const WEAK_NOW = /^(?:today|hoy|aujourdhui)$/;
const STILL = /\bstil\b/;
const CLEAN_TIME = /\b(?:clean|sober|fre|of sobriety|in recovery)$/;
const AGO_BEFORE = /\b(?:years?|months?|weks?|yrs?) ago $/; // folded: "weeks" is "weks"
const PAST = /\b(?:was|were|had|did|tok|took|went|got|tried|ended|[a-z]{3,}ed)\b/;
const PRESENT = /\b(?:im|am|is|are|have|has|want|wana|fel|feel|need|cant|keep|wil|gona|going)\b/;

/**
 * The sentence's time. Recency outranks tense and old markers ("one year clean today… a year ago"
 * with "tonight" in the same sentence is now). A year the post names counts as old only when it is
 * before the year the post was written. A past-tense sentence without a marker continues an old
 * story told in the sentence before it.
 */
export function sentenceWhen(view: SentenceView, language: CompiledLanguage, writtenYear: number, previous: When): When {
  const now = view.spans(language, "now");
  // "Today marks 8 years since…": a bare "today" dates an anniversary, it does not make the story current.
  // "Three years ago tonight…" dates the story by its anniversary too.
  const anniversary =
    now.length > 0 &&
    ((now.every((s) => WEAK_NOW.test(s.text)) && view.spans(language, "old").length > 0) || now.every((s) => AGO_BEFORE.test(view.folded.slice(0, s.start))));
  if (now.length > 0 && !anniversary) return "now";
  if (view.spans(language, "day").length > 0) return "day";
  if (view.spans(language, "recent").length > 0) return "recent";
  const old = view.spans(language, "old").filter((s) => {
    const year = /\b(?:19|20)\d\d\b/.exec(s.text);
    return year === null || Number(year[0]) < writtenYear;
  });
  // "3 years sober and I still think about it": a clean-time count dates the speaker, not the thought.
  if (old.length > 0 && !(STILL.test(view.folded) && old.every((s) => CLEAN_TIME.test(s.text)))) return "old";
  if (previous === "old" && PAST.test(view.folded) && !PRESENT.test(view.folded)) return "old";
  return "present";
}

/** True when a clause boundary lies between two offsets. */
export function crossesClause(view: SentenceView, language: CompiledLanguage, from: number, to: number): boolean {
  if (view.clauseStarts.some((c) => c > from && c <= to)) return true;
  return view.spans(language, "clause_break").some((s) => s.start >= from && s.start < to);
}
