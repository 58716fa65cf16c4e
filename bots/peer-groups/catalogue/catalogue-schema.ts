import { z } from "zod";
import { AUDIENCES, JOIN_MODES, MEMBER_VISIBILITY, PATHS, STAGES } from "./vocabulary.ts";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "tue 19:30": a weekly meeting in the group's own time zone. */
const meetingTime = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(new RegExp(`^(${DAYS.join("|")}) ([01]\\d|2[0-3]):[0-5]\\d$`), 'must read like "tue 19:30"'));

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "is not an IANA time zone (e.g. America/Chicago)");

/** A band of UTC offsets (hours, inclusive) a group without fixed meetings is for. */
const timeBand = z
  .object({
    label: z.string().min(1),
    fromUtc: z.number().min(-12).max(14),
    toUtc: z.number().min(-12).max(14),
  })
  .refine((b) => b.fromUtc <= b.toUtc, "fromUtc must not be after toUtc");

const groupSchema = z
  .object({
    /** The Discourse group name (`/g/<name>`). */
    name: z.string().regex(/^[A-Za-z0-9_.-]{2,60}$/, "must be a Discourse group name"),
    /** What members read (the group's full name on the forum). */
    title: z.string().min(1),
    description: z.string().min(10),
    for: z
      .object({
        paths: z.array(z.enum(PATHS)).default([]),
        substances: z.array(z.string().min(1).transform((s) => s.toLowerCase())).default([]),
        stages: z.array(z.enum(STAGES)).default([]),
        /** A restricted space: offered only to members who asked for it. */
        audience: z.enum(AUDIENCES).optional(),
      })
      .default({ paths: [], substances: [], stages: [] }),
    /** A time-zone band from `timeBands` (asynchronous groups)… */
    band: z.string().optional(),
    /** …or weekly meeting times in the group's time zone. */
    meetings: z.object({ timezone: timeZone, times: z.array(meetingTime).min(1) }).optional(),
    capacity: z.number().int().positive(),
    /** Groups with the same criteria share a sibling set ("early-recovery-evenings"): sizes are balanced across it. */
    siblings: z.string().min(1).optional(),
    join: z.enum(JOIN_MODES),
    /** Who can see the member list; `kindred groups check` compares it with the forum. */
    membersVisibleTo: z.enum(MEMBER_VISIBILITY),
  })
  .strict()
  .refine((g) => !(g.band && g.meetings), "give either band or meetings, not both");

/** `config/peer-groups/catalogue.yaml`. */
export const catalogueSchema = z
  .object({
    timeBands: z.record(z.string(), timeBand).default({}),
    groups: z.array(groupSchema).min(1),
  })
  .strict()
  .superRefine((cat, ctx) => {
    const names = new Set<string>();
    for (const [i, g] of cat.groups.entries()) {
      if (names.has(g.name.toLowerCase())) ctx.addIssue({ code: "custom", path: ["groups", i, "name"], message: `"${g.name}" is listed twice` });
      names.add(g.name.toLowerCase());
      if (g.band && !cat.timeBands[g.band]) ctx.addIssue({ code: "custom", path: ["groups", i, "band"], message: `"${g.band}" is not in timeBands` });
    }
    const bySet = new Map<string, string>();
    for (const [i, g] of cat.groups.entries()) {
      if (!g.siblings) continue;
      const criteria = JSON.stringify([g.for, g.band ?? null, g.meetings ?? null, g.join]);
      const seen = bySet.get(g.siblings);
      if (seen !== undefined && seen !== criteria) {
        ctx.addIssue({ code: "custom", path: ["groups", i, "siblings"], message: `siblings of "${g.siblings}" must share who they are for, band or meetings, and join mode` });
      }
      bySet.set(g.siblings, criteria);
    }
  });

export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueGroup = Catalogue["groups"][number];
export type TimeBand = Catalogue["timeBands"][string];
export const MEETING_DAYS = DAYS;
