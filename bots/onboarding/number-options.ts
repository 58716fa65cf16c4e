import type { IntakeOption, IntakeQuestion } from "../../config/onboarding/question-schema.ts";

export interface NumberedOption {
  number: number;
  question: IntakeQuestion;
  option: IntakeOption;
}

/**
 * Numbers the options of the questions a member was asked, running on across questions (1–3 for the
 * first, 4–8 for the second …) so "2, 5" means exactly two answers. The intake message and the parser
 * both number from the same list, stored with the member (`asked`), so numbers never shift.
 *
 * @example numberOptions(questions).get(4)?.option.id // "twelve-step"
 */
export function numberOptions(questions: readonly IntakeQuestion[]): Map<number, NumberedOption> {
  const numbered = new Map<number, NumberedOption>();
  let next = 1;
  for (const question of questions) {
    for (const option of question.options) numbered.set(next++, { number: next - 1, question, option });
  }
  return numbered;
}
