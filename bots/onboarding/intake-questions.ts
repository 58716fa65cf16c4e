import type { IntakeQuestion } from "../../config/onboarding/question-schema.ts";
import type { AnswerValue } from "./parse/parsed-reply.ts";

/** The questions still to ask: every configured question without an answer (signup answers count). */
export function questionsToAsk(questions: readonly IntakeQuestion[], answers: Record<string, AnswerValue>): IntakeQuestion[] {
  return questions.filter((q) => answers[q.id] === undefined);
}

/** The asked questions back from their stored ids, in the order the member saw them. */
export function questionsByIds(questions: readonly IntakeQuestion[], ids: readonly string[]): IntakeQuestion[] {
  return ids.map((id) => questions.find((q) => q.id === id)).filter((q): q is IntakeQuestion => q !== undefined);
}
