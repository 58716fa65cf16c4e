import type { OnboardingSettings } from "../../config/sections/onboarding.ts";
import type { AnswerValue } from "./parse/parsed-reply.ts";

type StartingPoint = OnboardingSettings["startingPoints"][number];

/**
 * Picks up to `limit` starting topics or categories: entries whose `when` matches the member's answers
 * first (in config order), then fallbacks without `when`. A `when` matches when, for every question it
 * names, the member chose one of the listed options.
 */
export function chooseStartingPoints(points: readonly StartingPoint[], answers: Record<string, AnswerValue>, limit = 2): StartingPoint[] {
  const chose = (question: string, options: string[]) => {
    const value = answers[question];
    const picked = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return picked.some((v) => options.includes(v));
  };
  const matching = points.filter((p) => p.when && Object.entries(p.when).every(([q, options]) => chose(q, options)));
  const fallbacks = points.filter((p) => !p.when);
  const chosen: StartingPoint[] = [];
  for (const point of [...matching, ...fallbacks]) {
    if (chosen.length >= limit) break;
    if (!chosen.some((c) => c.path === point.path)) chosen.push(point);
  }
  return chosen;
}
