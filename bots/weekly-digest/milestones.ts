import { daysBetween } from "./zoned-time.ts";

/** A calendar date as the member gave it. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A milestone: how many days after the date, and how to say it. */
export interface Milestone {
  days: number;
  label: string;
}

/** `YYYY-MM-DD` as a date, or undefined when it is not a real past-or-present calendar date. */
export function parseLocalDate(text: string | null | undefined): LocalDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text ?? "");
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

function dayLabel(days: number): string {
  if (days === 1) return "1 day";
  if (days === 7) return "1 week";
  return `${days} days`;
}

/**
 * Every milestone up to `untilDays`: the configured day counts, and each anniversary (counted on the
 * calendar, so leap years fall where people expect; a 365-day mark that is also the first
 * anniversary is said once, as "1 year").
 */
export function milestonesUpTo(start: LocalDate, dayMarks: readonly number[], untilDays: number): Milestone[] {
  const byDays = new Map<number, Milestone>();
  for (const days of dayMarks) if (days <= untilDays) byDays.set(days, { days, label: dayLabel(days) });
  for (let years = 1; ; years++) {
    const days = daysBetween(start, { year: start.year + years, month: start.month, day: start.day });
    if (days > untilDays) break;
    byDays.set(days, { days, label: years === 1 ? "1 year" : `${years} years` });
  }
  return [...byDays.values()].sort((a, b) => a.days - b.days);
}

/** Where a member is: days since their date, milestones of the past 7 days and of the next 7. */
export function milestoneWeek(start: LocalDate, today: LocalDate, dayMarks: readonly number[]): {
  days: number;
  reached: Milestone[];
  next: Milestone[];
} {
  const days = daysBetween(start, today);
  const all = milestonesUpTo(start, dayMarks, days + 7);
  return {
    days,
    reached: all.filter((m) => m.days > days - 7 && m.days <= days),
    next: all.filter((m) => m.days > days && m.days <= days + 7),
  };
}
