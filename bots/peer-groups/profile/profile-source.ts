import type { Kysely } from "kysely";
import type { Database } from "../../../plugins/store/database.ts";
import type { IntakeAnswers } from "./normalize-profile.ts";

/** Where a member's intake answers come from (onboarding's profile in production; tests pass their own). */
export type ProfileSource = (db: Kysely<Database>, userId: number) => Promise<IntakeAnswers | undefined>;

const pick = (p: Record<string, unknown>, ...keys: string[]) => {
  for (const key of keys) if (p[key] !== undefined && p[key] !== null) return p[key];
  return undefined;
};
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const texts = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : undefined);

/**
 * Reads onboarding's member profile, whatever its exact shape (camelCase or snake_case, answers at
 * the top or under `answers`, option ids as in `config/onboarding/questions.yaml`: whoFor, paths,
 * substances, stage, spaces, sobrietyDate), into the answers the matcher understands.
 */
export function toIntakeAnswers(userId: number, raw: unknown): IntakeAnswers | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const top = raw as Record<string, unknown>;
  const p = { ...top, ...((top.answers && typeof top.answers === "object" ? top.answers : {}) as Record<string, unknown>) };
  const date = pick(p, "sobrietyDate", "sobriety_date");
  return {
    userId,
    brings: text(pick(p, "whoFor", "who_for", "brings")),
    paths: texts(pick(p, "paths", "path")),
    substances: texts(pick(p, "substances")),
    timeInRecovery: text(pick(p, "stage", "timeInRecovery", "time_in_recovery")),
    spaces: texts(pick(p, "spaces")),
    sobrietyDate: date instanceof Date ? date : text(date),
    timezone: text(pick(p, "timezone", "timeZone")),
  };
}

/**
 * Onboarding's `getMemberProfile(db, userId)`, loaded when first needed: the two bots are enabled
 * independently, and without onboarding a member simply has no intake answers.
 */
export function onboardingProfileSource(): ProfileSource {
  let loaded: Promise<((db: Kysely<Database>, userId: number) => Promise<unknown>) | undefined> | undefined;
  const modulePath = "../../onboarding/member-profile.ts";
  return async (db, userId) => {
    loaded ??= import(modulePath).then(
      (m: { getMemberProfile?: (db: Kysely<Database>, userId: number) => Promise<unknown> }) => m.getMemberProfile,
      () => undefined,
    );
    const get = await loaded;
    return get ? toIntakeAnswers(userId, await get(db, userId)) : undefined;
  };
}
