import type { CatalogueGroup, TimeBand } from "../catalogue/catalogue-schema.ts";
import { utcOffsetMinutes } from "../profile/utc-offset.ts";
import { EVENING_HOURS } from "./weights.ts";

export interface MeetingLocal {
  day: string;
  /** Minutes after the member's local midnight. */
  minute: number;
}

/** 2 fits in their evening, 1 fits their waking hours, -1 does not fit, 0 the group sets no time. */
export type TimeFit = -1 | 0 | 1 | 2;

const DAY_INDEX: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };
const DAY_NAMES = Object.keys(DAY_INDEX);

/** The group's meetings in the member's local time (day may shift across midnight). */
export function meetingsInLocalTime(group: CatalogueGroup, memberOffset: number, at: Date, groupOffset = groupUtcOffset(group, at)): MeetingLocal[] {
  if (!group.meetings) return [];
  return group.meetings.times.map((t) => {
    const [day, hm] = t.split(" ");
    const [h, m] = hm.split(":").map(Number);
    let minute = DAY_INDEX[day] * 1440 + h * 60 + m - groupOffset + memberOffset;
    minute = ((minute % 10080) + 10080) % 10080;
    return { day: DAY_NAMES[Math.floor(minute / 1440)], minute: minute % 1440 };
  });
}

/** The UTC offset of the group's meeting time zone at `at` (0 when it has no meetings). */
export function groupUtcOffset(group: CatalogueGroup, at: Date): number {
  return group.meetings ? (utcOffsetMinutes(group.meetings.timezone, at) ?? 0) : 0;
}

/**
 * Whether a group's time suits a member at `memberOffset`: a band contains their offset, or at least
 * one meeting falls in their waking hours.
 */
export function timeFit(
  group: CatalogueGroup,
  bands: Readonly<Record<string, TimeBand>>,
  memberOffset: number | undefined,
  at: Date,
  awake: { from: number; to: number },
): TimeFit {
  if (!group.band && !group.meetings) return 0;
  if (memberOffset === undefined) return 0;
  if (group.band) {
    const band = bands[group.band];
    const hours = memberOffset / 60;
    return hours >= band.fromUtc && hours <= band.toUtc ? 1 : -1;
  }
  const local = meetingsInLocalTime(group, memberOffset, at);
  if (local.some((m) => m.minute >= EVENING_HOURS.from * 60 && m.minute < EVENING_HOURS.to * 60)) return 2;
  return local.some((m) => m.minute >= awake.from * 60 && m.minute < awake.to * 60) ? 1 : -1;
}
