import { STAGES, type StageKey } from "../catalogue/vocabulary.ts";

const SPAN: Record<StageKey, [number, number]> = {
  "not-yet": [-1, 0],
  "under-30": [0, 30],
  "30-90": [30, 90],
  "90-365": [90, 365],
  "over-year": [365, Number.POSITIVE_INFINITY],
};

/** Who a group's stages are for, in a member's words ("the first 90 days", "people more than a year in"). */
export function describeStages(stages: readonly StageKey[]): string {
  const sorted = [...stages].sort((a, b) => STAGES.indexOf(a) - STAGES.indexOf(b));
  if (sorted.length === 0) return "people at any point";
  if (sorted[0] === "not-yet") return sorted.length === 1 ? "people thinking about starting" : "people thinking about starting or just starting out";
  const from = SPAN[sorted[0]][0];
  const to = SPAN[sorted[sorted.length - 1]][1];
  if (to === Number.POSITIVE_INFINITY) return from === 365 ? "people more than a year in" : `people ${from} days or more in`;
  const end = to === 365 ? "a year" : `${to} days`;
  if (from === 0) return to === 365 ? "the first year" : `the first ${end}`;
  return to === 365 && from === 90 ? "the rest of the first year" : `day ${from} to ${end}`;
}
