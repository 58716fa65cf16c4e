import type { IntakeQuestion } from "../../config/onboarding/question-schema.ts";

/**
 * The time-in-recovery band a day count falls in (the option with the largest `fromDays` not above
 * it), e.g. 21 days → "under-30-days". Undefined when the question has no day bands.
 */
export function stageForDays(stage: IntakeQuestion | undefined, days: number): string | undefined {
  if (!stage || days < 0) return undefined;
  let best: { id: string; from: number } | undefined;
  for (const option of stage.options) {
    if (option.fromDays === undefined || option.fromDays > days) continue;
    if (!best || option.fromDays > best.from) best = { id: option.id, from: option.fromDays };
  }
  return best?.id;
}
