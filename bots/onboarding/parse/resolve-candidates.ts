import type { IntakeQuestion } from "../../../config/onboarding/question-schema.ts";
import type { Candidate } from "./parse-intake-reply.ts";
import type { AnswerValue } from "./parsed-reply.ts";

/** Options that step aside when anything else is chosen with them. */
const YIELDING = new Set(["none", "prefer-not"]);

/**
 * Turns every reading of a reply into answers: several options add up for "many" questions; for
 * "one" questions the strongest readings must agree (or combine: "me and my son" → both), otherwise
 * the question is unclear and asked again. Two different dates are unclear too.
 */
export function resolveCandidates(
  asked: readonly IntakeQuestion[],
  candidates: readonly Candidate[],
  dates: ReadonlyArray<{ date: string }>,
): { answers: Record<string, AnswerValue>; unclear: string[] } {
  const answers: Record<string, AnswerValue> = {};
  const unclear: string[] = [];
  for (const question of asked) {
    if (question.kind === "date") {
      const distinct = [...new Set(dates.map((d) => d.date))];
      if (distinct.length === 1) answers[question.id] = distinct[0];
      else if (distinct.length > 1) unclear.push(question.id);
      continue;
    }
    const mine = candidates.filter((c) => c.questionId === question.id);
    if (mine.length === 0) continue;
    if (question.kind === "many") {
      const ids = [...new Set(mine.map((c) => c.value))];
      const kept = ids.length > 1 ? ids.filter((id) => !YIELDING.has(id)) : ids;
      answers[question.id] = question.options.map((o) => o.id).filter((id) => kept.includes(id));
      continue;
    }
    const strongest = Math.max(...mine.map((c) => c.strength));
    let ids = new Set(mine.filter((c) => c.strength === strongest).map((c) => c.value));
    for (const rule of question.combine) {
      if (ids.has(rule.is) || rule.of.every((id) => ids.has(id))) {
        if ([...ids].every((id) => id === rule.is || rule.of.includes(id))) ids = new Set([rule.is]);
      }
    }
    if (ids.size === 1) answers[question.id] = [...ids][0];
    else unclear.push(question.id);
  }
  return { answers, unclear };
}
