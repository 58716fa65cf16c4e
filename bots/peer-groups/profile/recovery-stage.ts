import { STAGES, type StageKey } from "../catalogue/vocabulary.ts";

const DAY_MS = 86_400_000;

/** Whole days from a sobriety date (YYYY-MM-DD or a Date) to `now`; undefined for a bad or future date. */
export function daysSince(date: string | Date | null | undefined, now: Date): number | undefined {
  if (!date) return undefined;
  const start = typeof date === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date) : date;
  const ms = now.getTime() - start.getTime();
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return Math.floor(ms / DAY_MS);
}

/** The intake's time-in-recovery band for a number of days. */
export function stageForDays(days: number): StageKey {
  if (days < 30) return "under-30";
  if (days < 90) return "30-90";
  if (days < 365) return "90-365";
  return "over-year";
}

/** Whether `later` is a later band than `earlier` (band crossings only go forward). */
export function isLaterStage(later: StageKey, earlier: StageKey | undefined): boolean {
  return earlier === undefined || STAGES.indexOf(later) > STAGES.indexOf(earlier);
}

/** "two weeks", "three months": how reasons say a span of days, in words a person would use. */
export function describeDays(days: number): string {
  const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
  const say = (n: number, unit: string) => `${words[n] ?? String(n)} ${unit}${n === 1 ? "" : "s"}`;
  if (days < 14) return say(Math.max(days, 1), "day");
  if (days < 60) return say(Math.round(days / 7), "week");
  if (days < 365) return say(Math.round(days / 30.4), "month");
  return `over ${say(Math.floor(days / 365), "year")}`;
}
