import { z } from "zod";

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** A group that also gets one "this week in <group>" post in its own category. */
const groupPost = z.object({
  group: z.string().min(1),
  /** The category to post in; when absent, the one restricted category only this group may read. */
  categoryId: z.number().int().positive().optional(),
});

/** Settings of the weekly digest (issue #6). Defaults, with what each does, are in kindred.yaml. */
export const digestSection = z.object({
  enabled: z.boolean().default(true),
  /** Local day and time each member's digest is sent, in their Discourse time zone. */
  sendDay: z.enum(WEEKDAYS).default("sunday"),
  sendTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24 h)").default("09:00"),
  /** How long after the send time a late digest may still go out (after a restart, a full budget). */
  graceHours: z.number().min(1).max(72).default(24),
  /** When a member's time zone is unknown. */
  defaultTimezone: z.string().min(1).default("UTC"),
  /** Digests handed to the workers per minute; the API budget still decides, digests go last. */
  sendsPerMinute: z.number().positive().max(60).default(20),
  /** A claimed digest whose worker vanished is retried after this long. */
  staleMinutes: z.number().positive().default(60),
  /** Bulk forum reads (categories, groups, the week's top topics) are reused for this long. */
  snapshotMaxAgeHours: z.number().positive().default(24),
  /** Sobriety-day milestones; every full year after the last is one too. */
  milestoneDays: z.array(z.number().int().positive()).min(1).default([1, 7, 30, 60, 90, 180, 365]),
  /** An encouragement line is not repeated for a member within this many weeks. */
  encouragementRepeatWeeks: z.number().int().min(1).default(8),
  /** How many of the week's most appreciated public topics to list. */
  appreciatedTopics: z.number().int().min(0).max(10).default(3),
  /** Name the original poster of an appreciated topic (never an anonymous account). */
  showAuthors: z.boolean().default(true),
  /** Discourse's anonymous-mode accounts: never named, never listed as thanking anyone. */
  anonymousUsernamePattern: z.string().min(1).default("^anonymous\\d*$"),
  inactive: z
    .object({
      /** No post or reply for this long: the weekly digest stops. */
      afterWeeks: z.number().int().min(1).default(8),
      /** Send the gentle "we're still here" note instead (false: nothing at all). */
      stillHere: z.boolean().default(true),
      /** At most one such note per this many weeks. */
      stillHereEveryWeeks: z.number().int().min(1).default(4),
    })
    .default({ afterWeeks: 8, stillHere: true, stillHereEveryWeeks: 4 }),
  groupPosts: z.array(groupPost).default([]),
  /** Hosts the HTML preview may link to besides the forum. */
  allowedLinkHosts: z.array(z.string().min(1)).default(["findahelpline.com"]),
  /** Message texts and the encouragement pool; relative to the repository when not absolute. */
  textsFile: z.string().min(1).default("config/digest/texts.yaml"),
});

export type DigestSettings = z.infer<typeof digestSection>;
