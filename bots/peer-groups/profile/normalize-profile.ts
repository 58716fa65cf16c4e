import type { AudienceKey, PathKey, StageKey } from "../catalogue/vocabulary.ts";
import type { MatchProfile } from "./match-profile.ts";
import { daysSince, stageForDays } from "./recovery-stage.ts";
import { utcOffsetMinutes } from "./utc-offset.ts";

/**
 * The intake answers as another part of Kindred (onboarding's `getMemberProfile`) or the forum's
 * signup fields hand them over. Values may be canonical keys ("secular") or the labels members saw
 * ("SMART or other secular"): both are read, so the two sides need not agree on spelling.
 */
export interface IntakeAnswers {
  userId: number;
  /** "My own recovery" / "Someone I care about" / "Both" (or self / other / both). */
  brings?: string | null;
  paths?: readonly string[] | string | null;
  substances?: readonly string[] | null;
  /** "Under 30 days", "30–90 days", … (or the stage keys). */
  timeInRecovery?: string | null;
  spaces?: readonly string[] | null;
  /** YYYY-MM-DD, private; wins over `timeInRecovery` when present. */
  sobrietyDate?: string | Date | null;
  timezone?: string | null;
}

/** Lower-case, accents off, and "-"/"_" read as spaces, so option ids ("under-30-days") and labels read alike. */
const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[-_–—]+/g, " ").replace(/\s+/g, " ").trim();

export function readBrings(value: string | null | undefined): MatchProfile["forWhom"] {
  if (!value) return undefined;
  const v = fold(value);
  if (/\bboth\b/.test(v)) return "both";
  if (/someone|care about|family|friend|loved|^other$/.test(v)) return "other";
  if (/own|myself|^self$|^me$|my recovery/.test(v)) return "self";
  return undefined;
}

export function readPath(value: string): PathKey | undefined {
  const v = fold(value);
  if (/12|twelve|\baa\b|\bna\b|\bca\b|step/.test(v)) return "12-step";
  if (/smart|secular|lifering|refuge|sos\b|non.?relig/.test(v)) return "secular";
  if (/faith|christ|church|celebrate|relig|spiritual|god/.test(v)) return "faith";
  if (/medic|\bmat\b|\bmoud\b|bupren|suboxone|methadone|naltrex/.test(v)) return "mat";
  if (/explor|not sure|unsure|don.?t know|figuring/.test(v)) return "exploring";
  return undefined;
}

export function readStage(value: string | null | undefined): StageKey | undefined {
  if (!value) return undefined;
  const v = fold(value);
  if (/not yet|haven.?t|thinking/.test(v)) return "not-yet";
  if (/over a year|more than a year|year\+|^over year$|years/.test(v)) return "over-year";
  if (/90.*(1|one|a) year|90.?365/.test(v)) return "90-365";
  if (/30.*90/.test(v)) return "30-90";
  if (/under 30|less than 30|first month/.test(v)) return "under-30";
  return undefined;
}

export function readSpace(value: string): AudienceKey | undefined {
  const v = fold(value);
  if (/women|female|^woman/.test(v)) return "women";
  if (/\bmen\b|^men|male|^man\b/.test(v)) return "men";
  if (/lgbt|queer|gay|lesbian|trans|bi\b|nonbinary|non-binary/.test(v)) return "lgbtq";
  if (/young|youth|student|teen/.test(v)) return "young-adults";
  if (/veteran|military|service/.test(v)) return "veterans";
  if (/family|friend|loved|care about/.test(v)) return "family";
  return undefined;
}

const list = (v: readonly string[] | string | null | undefined): string[] => (v == null ? [] : typeof v === "string" ? [v] : [...v]);
const defined = <T>(xs: Array<T | undefined>): T[] => [...new Set(xs.filter((x): x is T => x !== undefined))];

/**
 * Turns intake answers into the matcher's profile at `now`: labels read into keys, the stage taken
 * from the sobriety date when given, and the UTC offset from the time zone.
 *
 * @example normalizeProfile({ userId: 7, paths: "SMART or other secular", timeInRecovery: "Under 30 days" }, new Date())
 */
export function normalizeProfile(answers: IntakeAnswers, now: Date, terms?: ReadonlyMap<string, number>): MatchProfile {
  const days = daysSince(answers.sobrietyDate, now);
  return {
    userId: answers.userId,
    forWhom: readBrings(answers.brings),
    paths: defined(list(answers.paths).map(readPath)),
    // "I'd rather not say" is not a substance: it leaves the question unanswered.
    substances: [...new Set(list(answers.substances).map((s) => fold(s)).filter((s) => s && !/rather not|prefer not/.test(s)))],
    stage: days !== undefined ? stageForDays(days) : readStage(answers.timeInRecovery),
    daysInRecovery: days,
    spaces: defined(list(answers.spaces).map(readSpace)),
    utcOffsetMinutes: utcOffsetMinutes(answers.timezone, now),
    terms,
  };
}
