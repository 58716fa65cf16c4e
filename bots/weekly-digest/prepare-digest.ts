import type { BaseContext } from "../../plugins/app/types.ts";
import { anonymousMatcher, buildDigest, type DigestEnvironment } from "./build-digest.ts";
import { composeStillHere } from "./compose-digest.ts";
import { weekKeyAt } from "./iso-week.ts";
import { loadActivity, recentLines } from "./load-activity.ts";
import type { SnapshotIndex } from "./member-view.ts";
import type { DigestProfile } from "./profile-source.ts";
import type { Subscription } from "./subscriptions.ts";
import { loadDigestTexts } from "./texts.ts";
import { safeTimezone } from "./zoned-time.ts";

/** What a member gets this week: a digest, the gentle "still here" note, or nothing (and why). */
export type PreparedDigest =
  | { kind: "digest" | "still-here"; title: string; raw: string; lineId?: string }
  | { kind: "skip"; reason: "not-subscribed" | "paused" | "suspended" | "blocked" | "stopped" | "inactive" };

/** The run-wide parts, from the bot's context. */
export function digestEnvironment(ctx: Pick<BaseContext, "config" | "forumUrl">): DigestEnvironment {
  const settings = ctx.config.digest;
  return {
    settings,
    texts: loadDigestTexts(settings.textsFile),
    crisis: ctx.config.crisis,
    defaultCountry: ctx.config.forum.defaultCountry,
    forumUrl: ctx.forumUrl.replace(/\/+$/, ""),
    isAnonymous: anonymousMatcher(settings.anonymousUsernamePattern),
  };
}

/** Inputs {@link prepareDigest} reads besides the context. */
export interface PrepareInput {
  userId: number;
  username: string;
  subscription: Subscription | undefined;
  week: string;
  index: SnapshotIndex;
  profile: DigestProfile | undefined;
}

/**
 * Decides and composes one member's message for the week, reading only the store: subscription,
 * stop words and the quiet flag of an open crisis, suspension (webhook and the week's bulk list), and
 * the long-quiet rule; then their tallies and encouragement history. Writes nothing.
 */
export async function prepareDigest(ctx: BaseContext, env: DigestEnvironment, input: PrepareInput): Promise<PreparedDigest> {
  const now = ctx.clock.now();
  const sub = input.subscription;
  const settings = env.settings;
  if (sub?.status !== "on") return { kind: "skip", reason: "not-subscribed" };
  if (sub.pausedUntil && sub.pausedUntil.getTime() > now.getTime()) return { kind: "skip", reason: "paused" };
  if (sub.suspended) return { kind: "skip", reason: "suspended" };
  if (input.index.isBlocked(input.userId)) return { kind: "skip", reason: "blocked" };
  if (!(await ctx.members.maySend(input.userId, ctx.bot, now))) return { kind: "skip", reason: "stopped" };
  const timezone = safeTimezone(sub.timezone ?? input.profile?.timezone, settings.defaultTimezone);

  const quietFor = now.getTime() - sub.lastActiveAt.getTime();
  if (quietFor > settings.inactive.afterWeeks * 7 * 86_400_000) {
    const cutoff = weekKeyAt(new Date(now.getTime() - (settings.inactive.stillHereEveryWeeks - 1) * 7 * 86_400_000), timezone);
    const recent = sub.lastStillHereWeek !== null && sub.lastStillHereWeek >= cutoff;
    if (!settings.inactive.stillHere || recent) return { kind: "skip", reason: "inactive" };
    return { kind: "still-here", ...composeStillHere(input.username, env.texts) };
  }

  return composeMemberDigest(ctx, env, { ...input, timezone });
}

/**
 * Loads one member's tallies and encouragement history and composes their digest, whatever their
 * subscription says (the decision is {@link prepareDigest}'s; `kindred digest preview` comes here
 * directly). What they may read is still decided by the snapshot: a preview never shows more.
 */
export async function composeMemberDigest(
  ctx: BaseContext,
  env: DigestEnvironment,
  input: Pick<PrepareInput, "userId" | "username" | "week" | "index" | "profile"> & { timezone: string },
): Promise<{ kind: "digest"; title: string; raw: string; lineId: string }> {
  const now = ctx.clock.now();
  const activity = await loadActivity(ctx.db, input.userId, {
    since: new Date(now.getTime() - 7 * 86_400_000),
    now,
    isAnonymous: env.isAnonymous,
    botUsernames: ctx.botUsernames,
  });
  const fromWeek = weekKeyAt(new Date(now.getTime() - (env.settings.encouragementRepeatWeeks - 1) * 7 * 86_400_000), input.timezone);
  const lines = await recentLines(ctx.db, input.userId, fromWeek);
  const digest = buildDigest(
    input.index,
    { userId: input.userId, username: input.username, timezone: input.timezone, week: input.week, now, profile: input.profile, activity, recentLines: lines },
    env,
  );
  return { kind: "digest", title: digest.title, raw: digest.raw, lineId: digest.lineId };
}
