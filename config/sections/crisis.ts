import { z } from "zod";

const helpLine = z.object({
  name: z.string().min(1),
  /** How to reach it, as the member should read it ("call or text 988"). */
  contact: z.string().min(1),
  /** What it is for, in a few words ("suicide and crisis", "substance use, 24/7"). */
  for: z.string().optional(),
});

const country = z.object({
  name: z.string().min(1),
  emergency: z.string().min(1),
  lines: z.array(helpLine).min(1),
});

const rotaEntry = z.object({
  username: z.string().min(1),
  timezone: z.string().default("UTC"),
  /** Local hours this moderator takes alerts, "HH:MM-HH:MM" (may wrap past midnight). */
  hours: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/).default("00:00-24:00"),
});

/** Settings of crisis watch (issue #3). Defaults, with what each does, are in kindred.yaml. */
export const crisisSection = z.object({
  enabled: z.boolean().default(true),
  /** `live` flags and sends cards; `shadow` only records and tells `shadowGroup`. */
  mode: z.enum(["live", "shadow"]).default("live"),
  shadowGroup: z.string().min(1).default("moderators"),
  /** The group alerts go to (Discourse's moderators group, or a crisis team group messageable by the bot). */
  alertGroup: z.string().min(1).default("moderators"),
  /** Send the resource card for `review` posts too (off: only `urgent`). */
  cardForReview: z.boolean().default(false),
  /** Optional peer-support group told about `support` posts (off when empty). */
  supportGroup: z.string().optional(),
  escalation: z
    .object({
      afterMinutes: z.number().positive().default(10),
      rota: z.array(rotaEntry).default([]),
      /** Optional outside alert (e.g. a chat channel's incoming webhook) as the last step. */
      outsideWebhookUrl: z.url().optional(),
    })
    .default({ afterMinutes: 10, rota: [] }),
  catchUp: z
    .object({
      enabled: z.boolean().default(true),
      /** Posts older than this are flagged for review only: no resource card for old news. */
      maxCardAgeHours: z.number().positive().default(24),
    })
    .default({ enabled: true, maxCardAgeHours: 24 }),
  resources: z.object({
    countries: z.record(z.string().length(2), country),
    elsewhere: z.string().min(1),
  }),
  card: z.object({
    /** PM title: Discourse emails PMs and phones show titles, so no crisis or health words. */
    title: z.string().min(1),
    /** First line: the same rule. `{{username}}` is replaced (escaped). */
    greeting: z.string().min(1),
    body: z.string().min(1),
    /** What to do right now, shown first for overdose and medical danger. */
    medicalFirst: z.string().min(1),
    /** Safety first, for harm from others. */
    safetyFirst: z.string().min(1),
    closing: z.string().min(1),
  }),
});

export type CrisisSettings = z.infer<typeof crisisSection>;
