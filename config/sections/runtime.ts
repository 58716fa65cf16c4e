import { z } from "zod";

/** Settings of the runtime itself (issue #2). Every default here is mirrored, commented, in kindred.yaml. */
export const runtimeSection = z.object({
    /** Discourse usernames each bot acts as; each must be a moderator on the forum. */
    accounts: z
      .object({
        greeter: z.string().min(1).default("kindred"),
        crisis: z.string().min(1).default("kindred"),
        encouragement: z.string().min(1).default("kindred"),
        groups: z.string().min(1).default("kindred"),
      })
      .default({ greeter: "kindred", crisis: "kindred", encouragement: "kindred", groups: "kindred" }),
    /** Which bots run; `kindred events list` is derived from these. */
    enabledBots: z.array(z.string()).default(["crisis-watch", "onboarding", "peer-groups", "weekly-digest"]),
    apiBudget: z
      .object({
        perMinute: z.number().int().min(1).max(60).default(55),
        crisisReserve: z.number().int().min(0).default(10),
        windowSeconds: z.number().min(0.1).default(60),
        timeoutSeconds: z.number().positive().default(10),
        maxRateLimitWaitSeconds: z.number().positive().default(120),
      })
      .refine((b) => b.crisisReserve < b.perMinute, { message: "crisisReserve must be below perMinute" })
      .default({ perMinute: 55, crisisReserve: 10, windowSeconds: 60, timeoutSeconds: 10, maxRateLimitWaitSeconds: 120 }),
    http: z
      .object({
        host: z.string().default("0.0.0.0"),
        port: z.number().int().min(0).max(65535).default(3000),
        maxBodyBytes: z.number().int().positive().default(1_048_576),
        publicUrl: z.string().url().optional(),
      })
      .default({ host: "0.0.0.0", port: 3000, maxBodyBytes: 1_048_576 }),
    jobs: z
      .object({
        attempts: z.number().int().min(1).default(6),
        backoffMs: z.number().int().min(1).default(2000),
        concurrency: z.number().int().min(1).default(8),
        shutdownDeadlineSeconds: z.number().positive().default(20),
        keepFailed: z.number().int().min(1).default(1000),
      })
      .default({ attempts: 6, backoffMs: 2000, concurrency: 8, shutdownDeadlineSeconds: 20, keepFailed: 1000 }),
    store: z.object({ dataDir: z.string().default("./data") }).default({ dataDir: "./data" }),
    retention: z
      .object({
        processedEventsDays: z.number().positive().default(30),
        crisisRecordsDays: z.number().positive().default(90),
      })
      .default({ processedEventsDays: 30, crisisRecordsDays: 90 }),
    members: z.object({ quietDays: z.number().min(0).default(14) }).default({ quietDays: 14 }),
    forum: z
      .object({
        /** ISO country used when a member's time zone does not tell one. */
        defaultCountry: z.string().length(2).default("US"),
        /** How often the forum's own health is checked for metrics/CLI, never for readiness. */
        healthCheckSeconds: z.number().min(60).default(60),
      })
      .default({ defaultCountry: "US", healthCheckSeconds: 60 }),
    /** What Kindred answers to the words every PM thread understands (markdown). */
    pmCommands: z
      .object({
        help: z.string().min(1),
        stopped: z.string().min(1),
        stoppedAll: z.string().min(1),
        resumed: z.string().min(1),
        forgotten: z.string().min(1),
      }),
    log: z
      .object({ level: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info") })
      .default({ level: "info" }),
});

export type RuntimeSettings = z.infer<typeof runtimeSection>;
