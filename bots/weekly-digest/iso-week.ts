import { localParts } from "./zoned-time.ts";

/**
 * The ISO 8601 week of a calendar date, as `YYYY-Www` (e.g. `2026-W02`): weeks start on Monday and
 * week 1 holds the year's first Thursday. This key makes "one digest per member per week" a row.
 */
export function isoWeekKey(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week `date` falls in, on the wall calendar of `timeZone`. */
export function weekKeyAt(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return isoWeekKey(p.year, p.month, p.day);
}

/** The Monday (year, month, day) of the ISO week holding the given date. */
export function mondayOf(year: number, month: number, day: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() || 7) - 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
