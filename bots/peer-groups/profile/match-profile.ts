import type { AudienceKey, PathKey, StageKey } from "../catalogue/vocabulary.ts";

/**
 * What the matcher knows about one member, in the catalogue's words. Built from the intake answers
 * (`normalizeProfile`) and, when they have posted, the catalogue words their public posts used.
 */
export interface MatchProfile {
  userId: number;
  /** "What brings you here": their own recovery, someone they care about, or both. */
  forWhom?: "self" | "other" | "both";
  paths: readonly PathKey[];
  substances: readonly string[];
  stage?: StageKey;
  /** From the sobriety date they gave, when they gave one (reasons say "two weeks in"). */
  daysInRecovery?: number;
  /** The restricted spaces they asked for. */
  spaces: readonly AudienceKey[];
  /** Their UTC offset now (from their time zone), in minutes. */
  utcOffsetMinutes?: number;
  /** How often their public posts used each catalogue word (never the text itself). */
  terms?: ReadonlyMap<string, number>;
}

/** Whether the member stated anything the matcher can use. */
export function hasPreferences(profile: MatchProfile): boolean {
  return Boolean(
    profile.forWhom || profile.paths.length || profile.substances.length || profile.stage || profile.spaces.length || profile.utcOffsetMinutes !== undefined,
  );
}
