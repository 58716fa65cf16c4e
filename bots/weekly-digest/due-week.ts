import { mondayOf, weekKeyAt } from "./iso-week.ts";
import { localParts, zonedInstant } from "./zoned-time.ts";

const DAY_INDEX = { monday: 0, tuesday: 1, wednesday: 2, thursday: 3, friday: 4, saturday: 5, sunday: 6 } as const;

/** When a member's digest is sent: a local weekday and time (settings `sendDay`, `sendTime`). */
export interface SendSlot {
  sendDay: keyof typeof DAY_INDEX;
  sendTime: string;
  graceHours: number;
}

/** The instant of the send slot in the ISO week holding local date (y, m, d), in `timeZone`. */
export function slotInstant(slot: SendSlot, date: { year: number; month: number; day: number }, timeZone: string): Date {
  const monday = mondayOf(date.year, date.month, date.day);
  const target = new Date(Date.UTC(monday.year, monday.month - 1, monday.day + DAY_INDEX[slot.sendDay]));
  const [hour, minute] = slot.sendTime.split(":").map(Number);
  return zonedInstant(target.getUTCFullYear(), target.getUTCMonth() + 1, target.getUTCDate(), hour, minute, timeZone);
}

/**
 * The week whose digest is due for a member at `now`, or undefined: due from the local send time
 * until `graceHours` later. This week's slot is checked first, then last week's (a Sunday slot's
 * grace runs into Monday, which is already the next ISO week).
 */
export function dueWeek(now: Date, timeZone: string, slot: SendSlot): { week: string; at: Date } | undefined {
  const today = localParts(now, timeZone);
  const lastWeek = localParts(new Date(now.getTime() - 7 * 86_400_000), timeZone);
  for (const date of [today, lastWeek]) {
    const at = slotInstant(slot, date, timeZone);
    if (at.getTime() <= now.getTime() && now.getTime() < at.getTime() + slot.graceHours * 3_600_000) {
      return { week: weekKeyAt(at, timeZone), at };
    }
  }
  return undefined;
}
