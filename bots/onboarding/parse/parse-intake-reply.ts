import type { IntakeQuestion } from "../../../config/onboarding/question-schema.ts";
import { numberOptions } from "../number-options.ts";
import { stageForDays } from "../stage-for-days.ts";
import { daysBetween } from "../zoned-time.ts";
import { findDates } from "./find-dates.ts";
import { findDurations } from "./find-durations.ts";
import { blank, foldText, wordsOnly } from "./fold-text.ts";
import { isYesNo, matchWords } from "./match-words.ts";
import type { ParsedReply, ParseOptions } from "./parsed-reply.ts";
import { readIntent } from "./read-intent.ts";
import { readYesNo } from "./read-yes-no.ts";
import { resolveCandidates } from "./resolve-candidates.ts";
import { type Segment, splitSegments } from "./split-segments.ts";

export type { AnswerValue, ParsedReply, ParseOptions } from "./parsed-reply.ts";

/** How sure a reading is: a number or a named option beats a duration or a date's band. */
export type Candidate = { questionId: string; value: string; strength: 1 | 2; segment: number };

const SKIP = /^(skip|pass|saltar|omitir|paso|passer|je passe|n a|na|none|-)$/;
/** "skip 3 and 5", "pass 2, 4": question numbers, not option numbers. */
const SKIP_LIST = /(?<![\p{L}\p{N}])(?:skip|pass|saltar|omitir|passer)\s+(\d{1,2}(?:\s*(?:,|&|and|y|et)?\s*\d{1,2}(?![\p{L}\p{N}]))*)/gu;
const YES_WORD = /^(yes|yeah|yep|sure|ok|okay|si|oui|claro|vale|y|👍|✅)(\s|$)/;
const NO_WORD = /^(no|nope|nah|non|n|👎|❌)(\s|$)/;

/**
 * Reads a member's free reply to the intake message (issue #4): option numbers ("2, 4", "1 3 5"),
 * numbered lines ("1. both\n2. SMART"), words and sentences in English, Spanish or French, typos,
 * emoji, durations ("about 3 weeks") and dates ("since March 3", "2026-01-10", "sober since last
 * Tuesday"). Pure: the same reply and questions always give the same reading.
 *
 * @param asked - the questions in the order the member saw them (question N is `asked[N-1]`).
 * @example parseIntakeReply("SMART, about 3 weeks", asked, { today: "2026-01-20", dateOrder: "mdy" }).answers
 *   // { paths: ["secular"], stage: "under-30-days" }
 */
export function parseIntakeReply(text: string, asked: readonly IntakeQuestion[], options: ParseOptions): ParsedReply {
  const folded = foldText(text).replace(/[\u200d\ufe0f]/g, "");
  const empty: ParsedReply = { answers: {}, skipped: [], unclear: [], invalidNumbers: [], readNothing: false };
  const intent = readIntent(folded);
  if (intent) return { ...empty, intent };

  const numbered = numberOptions(asked);
  const candidates: Candidate[] = [];
  const dates: Array<{ date: string; segment: number }> = [];
  const skipped = new Set<string>();
  const invalidNumbers: number[] = [];
  const labelledSegments: Array<{ question: IntakeQuestion; index: number }> = [];

  let unskipped = folded;
  for (const m of [...folded.matchAll(SKIP_LIST)]) {
    for (const n of m[1].match(/\d+/g) ?? []) if (asked[+n - 1]) skipped.add(asked[+n - 1].id);
    unskipped = blank(unskipped, m.index ?? 0, (m.index ?? 0) + m[0].length);
  }

  for (const [index, segment] of splitSegments(unskipped, asked.length).entries() as Iterable<[number, Segment]>) {
    const question = segment.label ? asked[segment.label - 1] : undefined;
    const plain = wordsOnly(segment.text);
    if (question) labelledSegments.push({ question, index });
    if (question && SKIP.test(plain)) {
      skipped.add(question.id);
      continue;
    }
    const add = (questionId: string, value: string, strength: 1 | 2) => candidates.push({ questionId, value, strength, segment: index });

    const found = findDates(segment.text, options);
    for (const d of found.dates) dates.push({ date: d.date, segment: index });
    let rest = found.rest;
    if (question && isYesNo(question)) {
      const yes = YES_WORD.test(plain);
      if (yes || NO_WORD.test(plain)) add(question.id, yes ? "yes" : "no", 2);
    }
    const yesNo = readYesNo(rest, asked);
    for (const hit of yesNo.hits) add(hit.questionId, hit.optionId, 2);
    const words = matchWords(yesNo.rest, asked);
    for (const hit of words.hits) add(hit.questionId, hit.optionId, 2);
    const durations = findDurations(words.rest);
    const stage = asked.find((q) => q.id === "stage");
    for (const d of durations.durations) {
      const band = stageForDays(stage, d.days);
      if (stage && band) add(stage.id, band, 1);
    }
    rest = durations.rest;
    for (const m of rest.matchAll(/(?<![\p{L}\p{N}])(\d{1,3})(?![\p{L}\p{N}])/gu)) {
      const n = Number(m[1]);
      const global = numbered.get(n);
      if (question && global?.question.id !== question.id && n >= 1 && n <= question.options.length) {
        // "2. 2" under question 2 means its second option, whatever the running numbers say.
        add(question.id, question.options[n - 1].id, 2);
      } else if (global && (!question || global.question.id === question.id)) {
        add(global.question.id, global.option.id, 2);
      } else {
        invalidNumbers.push(n);
      }
    }
  }

  const { answers, unclear } = resolveCandidates(asked, candidates, dates);
  const stage = asked.find((q) => q.id === "stage");
  const dateQuestion = asked.find((q) => q.kind === "date");
  const date = dateQuestion ? answers[dateQuestion.id] : undefined;
  if (stage && typeof date === "string" && answers[stage.id] === undefined && !unclear.includes(stage.id)) {
    const band = stageForDays(stage, daysBetween(date, options.today));
    if (band) answers[stage.id] = band;
  }
  for (const { question, index } of labelledSegments) {
    const read = candidates.some((c) => c.segment === index) || dates.some((d) => d.segment === index);
    if (!read && !skipped.has(question.id) && answers[question.id] === undefined && !unclear.includes(question.id)) unclear.push(question.id);
  }
  for (const id of skipped) delete answers[id];
  const readNothing = Object.keys(answers).length === 0 && skipped.size === 0;
  return { answers, skipped: [...skipped], unclear, invalidNumbers, readNothing };
}
