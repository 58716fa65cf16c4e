import { z } from "zod";

/**
 * The `/admin` status page (issue #7): moderators and admins sign in through the forum with
 * DiscourseConnect. The shared secret is never a setting: it comes from `DISCOURSE_CONNECT_SECRET`.
 */
export const adminSection = z
  .object({
    /** Serve `/admin` (it still refuses everyone until DISCOURSE_CONNECT_SECRET is set). */
    enabled: z.boolean().default(true),
    /** How long a sign-in lasts. */
    sessionHours: z.number().min(0.25).max(168).default(12),
    /** How long a sign-in attempt may take at the forum (Discourse's own nonce expiry is 10 minutes). */
    nonceMinutes: z.number().min(1).max(60).default(10),
  })
  .default({ enabled: true, sessionHours: 12, nonceMinutes: 10 });

export type AdminSettings = z.infer<typeof adminSection>;
