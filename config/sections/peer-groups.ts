import { z } from "zod";

/**
 * Settings of the peer-groups bot (issue #5). Defaults, with what each does, are in kindred.yaml;
 * the group catalogue and the message templates are files under `config/peer-groups/`.
 */
export const peerGroupsSection = z
  .object({
    enabled: z.boolean().default(true),
    /** The group catalogue; relative paths are read from the working directory. Unset: the bundled one. */
    catalogueFile: z.string().min(1).optional(),
    /** The message templates. Unset: `config/peer-groups/messages.yaml`. */
    messagesFile: z.string().min(1).optional(),
    /** Suggestions per message ("more" shows the next page). */
    perPage: z.number().int().min(1).max(5).default(3),
    /** How many groups one offer may number in all. */
    maxOffered: z.number().int().min(1).max(30).default(9),
    /** At most one "you have reached a new stage" message per member in this many days. */
    bandMessageMinDays: z.number().int().min(1).default(30),
    /** Local hours a meeting must fall in to suit a member. */
    awakeHours: z
      .object({ from: z.number().int().min(0).max(23).default(7), to: z.number().int().min(1).max(24).default(23) })
      .default({ from: 7, to: 23 }),
    /** Match on the catalogue words the member used in their public posts (counts only, never text). */
    usePostWords: z.boolean().default(true),
  })
  .strict();

export type PeerGroupsSettings = z.infer<typeof peerGroupsSection>;
