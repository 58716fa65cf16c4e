import type { BaseContext } from "../../plugins/app/types.ts";
import { renderMarkdown } from "../../plugins/markdown/render-markdown.ts";
import { forumFor } from "./digest-forum.ts";
import { loadForumSnapshot } from "./forum-snapshot.ts";
import { weekKeyAt } from "./iso-week.ts";
import { indexSnapshot, type SnapshotIndex } from "./member-view.ts";
import { composeMemberDigest, digestEnvironment } from "./prepare-digest.ts";
import { readDigestProfile } from "./read-profile.ts";
import type { SnapshotCache } from "./snapshot-cache.ts";
import { getSubscription } from "./subscriptions.ts";
import { safeTimezone } from "./zoned-time.ts";

/**
 * `kindred digest preview USERNAME [--html]`: one member's digest as it would be composed now, in
 * markdown or as sanitized HTML (the one renderer). Sends and records nothing. Uses the stored
 * snapshot when there is one, else reads the forum once (kept in memory only).
 */
export async function previewDigest(ctx: BaseContext, username: string, options: { html?: boolean; cache?: SnapshotCache } = {}): Promise<{ title: string; body: string }> {
  const member = await ctx.members.findByUsername(username);
  if (!member) throw new Error(`[weekly-digest] Kindred has no record of "${username}"`);
  const env = digestEnvironment(ctx);
  const stored = await options.cache?.current();
  const index: SnapshotIndex = stored ?? indexSnapshot(await loadForumSnapshot(forumFor(ctx), { now: ctx.clock.now() }));
  const subscription = await getSubscription(ctx.db, member.userId);
  const profile = await readDigestProfile(ctx.db, member.userId);
  const timezone = safeTimezone(subscription?.timezone ?? profile?.timezone, env.settings.defaultTimezone);
  const digest = await composeMemberDigest(ctx, env, {
    userId: member.userId,
    username: member.username,
    week: weekKeyAt(ctx.clock.now(), timezone),
    index,
    profile,
    timezone,
  });
  const body = options.html ? renderMarkdown(digest.raw, { forumUrl: env.forumUrl, allowedHosts: env.settings.allowedLinkHosts }) : digest.raw;
  return { title: digest.title, body };
}
