import { z } from "zod";
import { loadOnboardingContent } from "../onboarding/load-onboarding-content.ts";

/**
 * Words a PM title must not carry: Discourse emails PMs, and a subject line is read on lock screens
 * and shared inboxes (issue #4, USERS.md "Private content leaking into emails").
 */
export const HEALTH_WORDS =
  /\b(recover\w*|sober\w*|sobriety|addict\w*|alcohol\w*|drug\w*|drink\w*|substance\w*|relapse\w*|crisis|suicid\w*|overdose\w*|rehab\w*|detox\w*|craving\w*|clean|opioid\w*|gambl\w*|mental|therapy|treatment|12.?step)\b/i;

const noHealthWords = (title: string) => !HEALTH_WORDS.test(title);

const hour = z.number().int().min(0).max(23);

const settingsShape = z.object({
  enabled: z.boolean().default(true),
  /** Which webhook starts onboarding: the forum's signup flow decides (approval, email confirmation). */
  startOn: z.enum(["user_created", "user_approved", "user_confirmed_email"]).default("user_created"),
  /** The questions file and templates folder; relative paths are read from Kindred's config/ folder. */
  questionsFile: z.string().min(1).default("onboarding/questions.yaml"),
  templatesDir: z.string().min(1).default("onboarding/templates"),
  /** Inline markdown that replaces one template file (e.g. `welcome: "…"`). */
  templates: z.record(z.string(), z.string().min(1)).default({}),
  titles: z
    .object({
      welcome: z.string().min(1).refine(noHealthWords, "a PM title is emailed: keep health words out of it"),
      greeterNote: z.string().min(1).refine(noHealthWords, "a PM title is emailed: keep health words out of it"),
    })
    .default({ welcome: "Welcome! A few things to get you started", greeterNote: "Newcomers who would welcome a hello" }),
  /** Where newcomers introduce themselves (a path on the forum or a full URL). */
  introductionsPath: z.string().min(1).default("/c/introductions"),
  /** The privacy note: what Kindred's bots read and keep (a path on the forum or a full URL). */
  privacyUrl: z.string().min(1).default("/privacy"),
  /** Discourse user-field id → intake question id, for answers the signup form already collected. */
  userFields: z.record(z.string().regex(/^\d+$/, "user field ids are numbers"), z.string()).default({}),
  /** How numeric dates like 03/04/2026 are read. */
  dateOrder: z.enum(["mdy", "dmy"]).default("mdy"),
  nudge: z
    .object({
      enabled: z.boolean().default(true),
      afterDays: z.number().min(0.5).max(30).default(3),
      /** Local hours (member's Discourse time zone) in which a nudge may arrive: from ≤ hour < to. */
      daytime: z.object({ from: hour.default(10), to: z.number().int().min(1).max(24).default(19) }).default({ from: 10, to: 19 }),
      /** Used when the member's time zone is unknown. */
      defaultTimezone: z.string().default("UTC"),
      /** A nudge that could not go out within this many hours of its time is dropped, never sent late. */
      expireAfterHours: z.number().positive().default(48),
    })
    .default({ enabled: true, afterDays: 3, daytime: { from: 10, to: 19 }, defaultTimezone: "UTC", expireAfterHours: 48 }),
  /** Starting topics/categories: the first two whose `when` matches the answers (no `when`: fallback). */
  startingPoints: z
    .array(
      z.object({
        title: z.string().min(1),
        path: z.string().min(1),
        /** Question id → option ids; matches when any listed option was chosen for every listed question. */
        when: z.record(z.string(), z.array(z.string())).optional(),
      }),
    )
    .default([]),
  greeterNote: z
    .object({
      enabled: z.boolean().default(false),
      /** A messageable Discourse group of volunteer greeters. */
      group: z.string().default("greeters"),
      /** UTC hour of the daily note. */
      hourUtc: hour.default(16),
      /** Questions whose answers a greeter may see, for members who said yes to sharing. */
      share: z.array(z.string()).default(["whoFor", "paths"]),
      /** Options never shown even then (medication is medical information). */
      neverShare: z.array(z.string()).default(["medication"]),
    })
    .default({ enabled: false, group: "greeters", hourUtc: 16, share: ["whoFor", "paths"], neverShare: ["medication"] }),
});

/** What the greeter note may never include, whatever `greeterNote.share` says. */
const NEVER_SHARED_QUESTIONS = ["substances", "sobrietyDate", "spaces"];

/**
 * Settings of the onboarding bot (issue #4). The questions file and the templates are read and
 * checked here, at start, so a broken template fails `kindred config check` instead of a welcome.
 */
export const onboardingSection = settingsShape.transform((settings, ctx) => {
  for (const q of settings.greeterNote.share) {
    if (NEVER_SHARED_QUESTIONS.includes(q)) {
      ctx.issues.push({ code: "custom", message: `greeterNote.share may not include ${q} (substances, dates and spaces stay private)`, input: settings });
      return z.NEVER;
    }
  }
  try {
    const content = loadOnboardingContent(settings);
    const ids = new Set(content.questions.map((q) => q.id));
    for (const [field, question] of Object.entries(settings.userFields)) {
      if (!ids.has(question)) throw new Error(`userFields.${field} names unknown question ${question}`);
    }
    return { ...settings, ...content };
  } catch (error) {
    ctx.issues.push({ code: "custom", message: (error as Error).message, input: settings });
    return z.NEVER;
  }
});

export type OnboardingSettings = z.infer<typeof onboardingSection>;
