/**
 * The words the catalogue and the matcher share: recovery paths, stages and the audience spaces the
 * intake asks about (issue #4). Kept as plain string unions (no enums: erasable syntax only).
 */

export const PATHS = ["12-step", "secular", "faith", "mat", "exploring"] as const;
export type PathKey = (typeof PATHS)[number];

/** Time in recovery, in the intake's own bands, earliest first. */
export const STAGES = ["not-yet", "under-30", "30-90", "90-365", "over-year"] as const;
export type StageKey = (typeof STAGES)[number];

export const AUDIENCES = ["women", "men", "lgbtq", "young-adults", "veterans", "family"] as const;
export type AudienceKey = (typeof AUDIENCES)[number];

/** How one joins: Kindred adds them; a request to the group's owners; or the group is open to all. */
export const JOIN_MODES = ["bot_adds", "request", "public"] as const;
export type JoinMode = (typeof JOIN_MODES)[number];

/** Who can see the group's member list (Discourse `members_visibility_level` 0…4). */
export const MEMBER_VISIBILITY = ["everyone", "logged_in", "members", "staff", "owners"] as const;
export type MemberVisibility = (typeof MEMBER_VISIBILITY)[number];

/** Why a member is not offered a group again (issue #5: left, declined or removed). */
export type ExclusionReason = "left" | "declined" | "removed";

/** Words a member reads for each value, in reasons ("you follow a 12-step path"). */
export const PATH_WORDS: Readonly<Record<PathKey, string>> = {
  "12-step": "a 12-step path",
  secular: "SMART or another secular path",
  faith: "a faith-based path",
  mat: "medication-assisted recovery",
  exploring: "still exploring paths",
};

export const STAGE_WORDS: Readonly<Record<StageKey, string>> = {
  "not-yet": "people thinking about starting",
  "under-30": "the first 30 days",
  "30-90": "days 30 to 90",
  "90-365": "the rest of the first year",
  "over-year": "people more than a year in",
};

export const AUDIENCE_WORDS: Readonly<Record<AudienceKey, string>> = {
  women: "a women-only space",
  men: "a men-only space",
  lgbtq: "an LGBTQ+ space",
  "young-adults": "a young adults' space",
  veterans: "a space for veterans",
  family: "a space for family and friends",
};

/** The member list is visible beyond the group itself: joining can be seen by others. */
export function membersSeenByOthers(visibility: MemberVisibility): boolean {
  return visibility === "everyone" || visibility === "logged_in";
}
