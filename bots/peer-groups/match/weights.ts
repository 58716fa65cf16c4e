/**
 * How much each kind of fit counts. A criterion the group sets and the member's answer contradicts
 * costs more than everything else together, so a group that meets all of a member's stated wishes
 * always ranks above one that does not (issue #5, "how it will be checked").
 */
export const WEIGHTS = Object.freeze({
  violation: -1000,
  /** The group asks for this and the member's answer fits. */
  met: 10,
  /** The group is open on this criterion and the member stated one. */
  open: 2,
  /** Extra when a meeting falls in the member's evening (after work, when most people can come). */
  evening: 3,
  /** The member asked for this restricted space (or is here for someone they care about). */
  space: 40,
  /** Cosine of their posts' words against the description, times this. */
  text: 8,
  /** Fuller groups lose up to this much, so new members spread out. */
  fill: 3,
});

/** Local hours a meeting may fall in to count as fitting a member's day. */
export const DEFAULT_AWAKE_HOURS = Object.freeze({ from: 7, to: 23 });

/** Local hours that count as the member's evening. */
export const EVENING_HOURS = Object.freeze({ from: 17, to: 22 });

/** Offsets are handled in 15-minute slots from UTC−12:00 to UTC+14:00. */
export const OFFSET_MIN = -720;
export const OFFSET_STEP = 15;
export const OFFSET_SLOTS = (840 - OFFSET_MIN) / OFFSET_STEP + 1;

/** The slot of an offset in minutes (clamped to the real range). */
export function offsetSlot(minutes: number): number {
  const slot = Math.round((minutes - OFFSET_MIN) / OFFSET_STEP);
  return slot < 0 ? 0 : slot >= OFFSET_SLOTS ? OFFSET_SLOTS - 1 : slot;
}

/** Text scores are rounded so any two correct implementations rank identically. */
export const roundScore = (x: number) => Math.round(x * 1e6) / 1e6;
