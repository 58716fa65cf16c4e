import { z } from "zod";
import { adminSection } from "./sections/admin.ts";
import { crisisSection } from "./sections/crisis.ts";
import { digestSection } from "./sections/digest.ts";
import { onboardingSection } from "./sections/onboarding.ts";
import { peerGroupsSection } from "./sections/peer-groups.ts";
import { runtimeSection } from "./sections/runtime.ts";

/** Every non-secret setting: the runtime's at the top level, each bot's under its own key. */
export const settingsSchema = z
  .object({
    ...runtimeSection.shape,
    crisis: crisisSection,
    onboarding: onboardingSection.prefault({}),
    peerGroups: peerGroupsSection.prefault({}),
    digest: digestSection,
    admin: adminSection,
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

const optionalText = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

/** Secrets and endpoints: only ever from the environment, never from a config file. */
export const envSchema = z.object({
  DISCOURSE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
  DISCOURSE_API_KEY: optionalText,
  DISCOURSE_API_USERNAME: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).default("system")),
  WEBHOOK_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(12, "must be at least 12 characters (Discourse's own minimum)").optional(),
  ),
  WEBHOOK_SECRET_PREVIOUS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(12, "must be at least 12 characters (Discourse's own minimum)").optional(),
  ),
  REDIS_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
  ),
  DATABASE_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  KINDRED_CONFIG: optionalText,
  /** The DiscourseConnect secret the /admin page shares with the forum (`discourse_connect_provider_secrets`). */
  DISCOURSE_CONNECT_SECRET: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
});
