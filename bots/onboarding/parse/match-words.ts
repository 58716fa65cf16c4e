import { distance } from "fastest-levenshtein";
import type { IntakeQuestion } from "../../../config/onboarding/question-schema.ts";
import { blank, foldText, wordsOnly } from "./fold-text.ts";

export interface WordHit {
  questionId: string;
  optionId: string;
  start: number;
  end: number;
}

interface Entry {
  question: IntakeQuestion;
  optionId: string;
  word: string;
  pattern: RegExp;
}

const NEGATIONS = new Set(["not", "no", "never", "dont", "don", "isnt", "aren", "arent", "without", "nunca", "ni", "sin", "pas", "jamais", "sans", "non"]);
const compiled = new WeakMap<readonly IntakeQuestion[], Entry[]>();

/** Punctuation to spaces without moving offsets (emoji and letters stay). */
export function punctuationToSpaces(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}\p{Extended_Pictographic}\s]/gu, " ");
}

/**
 * Finds the options a member named in words, in any case, with or without accents, and with one
 * typo in words of six letters or more ("alchohol", "opiods", "secualr"). Longer phrases win over the
 * words inside them ("smart recovery" before "smart"); a word right after "not"/"no"/"pas"… does not
 * count for questions where that flips the meaning ("not religious"). Emoji count as words.
 */
export function matchWords(text: string, questions: readonly IntakeQuestion[]): { hits: WordHit[]; rest: string } {
  let rest = punctuationToSpaces(text);
  const hits: WordHit[] = [];
  for (const entry of entriesFor(questions)) {
    entry.pattern.lastIndex = 0;
    for (const m of [...rest.matchAll(entry.pattern)]) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      rest = blank(rest, start, end);
      if (entry.question.negatable && !startsNegated(entry.word) && negatedBefore(text, start)) continue;
      hits.push({ questionId: entry.question.id, optionId: entry.optionId, start, end });
    }
  }
  return fuzzy(text, rest, questions, hits);
}

function fuzzy(text: string, rest: string, questions: readonly IntakeQuestion[], hits: WordHit[]): { hits: WordHit[]; rest: string } {
  const singles = entriesFor(questions).filter((e) => !e.word.includes(" ") && e.word.length >= 5 && /^\p{L}+$/u.test(e.word));
  let out = rest;
  for (const m of [...rest.matchAll(/\p{L}{6,}/gu)]) {
    const token = m[0];
    let best: Entry | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    let tie = false;
    for (const entry of singles) {
      const d = typoDistance(token, entry.word);
      if (d === undefined) continue;
      if (d < bestScore) [best, bestScore, tie] = [entry, d, false];
      else if (d === bestScore && best && (best.question.id !== entry.question.id || best.optionId !== entry.optionId)) tie = true;
    }
    if (!best || tie) continue;
    const start = m.index ?? 0;
    out = blank(out, start, start + token.length);
    if (best.question.negatable && negatedBefore(text, start)) continue;
    hits.push({ questionId: best.question.id, optionId: best.optionId, start, end: start + token.length });
  }
  return { hits: hits.sort((a, b) => a.start - b.start), rest: out };
}

/** One edit for words of 6+ letters, two for 8+ or a swap of neighbours; same first letter always. */
function typoDistance(token: string, word: string): number | undefined {
  if (token[0] !== word[0] || Math.abs(token.length - word.length) > 2) return undefined;
  const d = distance(token, word);
  if (d === 0) return undefined;
  if (d === 1 && token.length >= 6) return 1;
  if (d === 2 && (token.length >= 8 || isSwap(token, word))) return 2;
  return undefined;
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

function startsNegated(word: string): boolean {
  return NEGATIONS.has(word.split(" ")[0]);
}

/** A negation in the same clause, at most two words before ("not AA" but not "no, AA"). */
function negatedBefore(text: string, start: number): boolean {
  const clause = text.slice(Math.max(0, start - 40), start).split(/[,.;:!?\n]/).pop() ?? "";
  const before = punctuationToSpaces(clause).trim().split(/\s+/).slice(-2);
  return before.some((w) => NEGATIONS.has(w));
}

function entriesFor(questions: readonly IntakeQuestion[]): Entry[] {
  const cached = compiled.get(questions);
  if (cached) return cached;
  const entries: Entry[] = [];
  for (const question of questions) {
    // The labels of yes/no options ("Yes please", "No thanks") mean nothing outside their question.
    const yesNo = isYesNo(question);
    for (const option of question.options) {
      for (const raw of yesNo ? option.words : [option.label, ...option.words]) {
        const folded = foldText(raw);
        const isEmoji = /\p{Extended_Pictographic}/u.test(folded) && !/[\p{L}\p{N}]/u.test(folded);
        const word = isEmoji ? folded.replace(/[\ufe0f\u200d]/g, "") : wordsOnly(folded);
        if (!word) continue;
        const body = word.split(" ").map(escapeRegExp).join("\\s+");
        const pattern = isEmoji ? new RegExp(escapeRegExp(word), "gu") : new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "gu");
        entries.push({ question, optionId: option.id, word, pattern });
      }
    }
  }
  entries.sort((a, b) => b.word.length - a.word.length);
  compiled.set(questions, entries);
  return entries;
}

/** A question whose options are exactly "yes" and "no". */
export function isYesNo(question: IntakeQuestion): boolean {
  return question.options.length === 2 && question.options.every((o) => o.id === "yes" || o.id === "no");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
