import type { CrisisSettings } from "../../config/sections/crisis.ts";
import type { DigestSettings } from "../../config/sections/digest.ts";
import { renderResourceCard } from "../crisis-watch/resource-card.ts";
import { type ComposedDigest, composeDigest, type MemberActivity } from "./compose-digest.ts";
import { memberForumView, type SnapshotIndex } from "./member-view.ts";
import { parseLocalDate } from "./milestones.ts";
import { pickEncouragement, type SentLine } from "./pick-encouragement.ts";
import type { DigestProfile } from "./profile-source.ts";
import type { DigestTexts } from "./texts.ts";
import { localParts } from "./zoned-time.ts";

/** What stays the same for every member of a run. */
export interface DigestEnvironment {
  settings: DigestSettings;
  texts: DigestTexts;
  crisis: CrisisSettings;
  defaultCountry: string;
  forumUrl: string;
  isAnonymous(username: string): boolean;
}

/** One member's inputs, already loaded. */
export interface MemberDigestInput {
  userId: number;
  username: string;
  /** A valid IANA zone (already checked). */
  timezone: string;
  week: string;
  now: Date;
  profile: DigestProfile | undefined;
  activity: MemberActivity;
  recentLines: readonly SentLine[];
}

/** Discourse's anonymous-mode usernames, from the `anonymousUsernamePattern` setting. */
export function anonymousMatcher(pattern: string): (username: string) => boolean {
  const re = new RegExp(pattern, "i");
  return (username) => re.test(username);
}

/** Composes one member's digest from loaded inputs: pure, so the bench and previews run the same code. */
export function buildDigest(index: SnapshotIndex, input: MemberDigestInput, env: DigestEnvironment): ComposedDigest & { lineId: string } {
  const { settings } = env;
  const today = localParts(input.now, input.timezone);
  const line = pickEncouragement(env.texts.encouragements, input.recentLines, `${input.userId}:${input.week}`);
  const wantsMilestones = input.profile?.milestones !== false;
  const sobrietyDate = wantsMilestones ? parseLocalDate(input.profile?.sobrietyDate) : undefined;
  const digest = composeDigest(
    {
      username: input.username,
      forumUrl: env.forumUrl,
      today,
      sobrietyDate,
      activity: input.activity,
      view: memberForumView(index, input.userId, env.forumUrl, settings.appreciatedTopics),
      encouragement: line,
      resources: renderResourceCard(env.crisis, { timezone: input.timezone, defaultCountry: env.defaultCountry, compact: true }),
    },
    { texts: env.texts, milestoneDays: settings.milestoneDays, showAuthors: settings.showAuthors, isAnonymous: env.isAnonymous },
  );
  return { ...digest, lineId: line.id };
}
