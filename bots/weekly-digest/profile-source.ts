/**
 * What the digest needs from onboarding's intake profile. Onboarding owns the profile
 * (`getMemberProfile(db, userId)` in `bots/onboarding/member-profile.ts`); this is the digest's own
 * narrow view of it, so the two can change separately.
 */
export interface DigestProfile {
  /** `YYYY-MM-DD`, private; only used when the member asked for milestones. */
  sobrietyDate: string | null;
  /**
   * Whether they asked for milestones. Onboarding asks for a date only for milestones, so a shared
   * date with no explicit answer counts as yes; an explicit no always wins.
   */
  milestones: boolean | null;
  timezone: string | null;
}

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

function dateText(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return text(v);
}

function flag(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "yes") return true;
  if (v === "false" || v === "no") return false;
  return null;
}

/** Reads whatever shape the profile has (camelCase or snake_case field names) into the digest's view. */
export function toDigestProfile(raw: unknown): DigestProfile | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const p = raw as Record<string, unknown>;
  return {
    sobrietyDate: dateText(p.sobrietyDate ?? p.sobriety_date),
    milestones: flag(p.milestones ?? p.wantsMilestones ?? p.wants_milestones ?? p.milestonesOptIn),
    timezone: text(p.timezone),
  };
}
