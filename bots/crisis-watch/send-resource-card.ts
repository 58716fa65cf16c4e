import type { BaseContext } from "../../plugins/app/types.ts";
import type { Assessment } from "./assess/types.ts";
import type { PostToAssess } from "./post-to-assess.ts";
import { renderResourceCard } from "./resource-card.ts";

/**
 * The poster's private resource card. The alert group is on the thread too, so when the member
 * answers, a person reads it (the card says so). Sent even to members who said "stop all": that
 * stop covers everything but this card (issue #2).
 */
export async function sendResourceCard(ctx: BaseContext, post: PostToAssess, assessment: Assessment): Promise<void> {
  if (post.userId === null || !post.username) return;
  let timezone: string | null | undefined = post.timezone ?? (await ctx.members.get(post.userId))?.timezone ?? undefined;
  if (timezone === undefined) {
    // One read per member, ever: the time zone is kept on the member record for every bot.
    const user = await ctx.discourse.getUser(post.username).catch(() => undefined);
    const read = user?.user as { timezone?: string; user_option?: { timezone?: string } } | undefined;
    const found = read?.timezone ?? read?.user_option?.timezone ?? null;
    timezone = found;
    if (user) await ctx.members.setTimezone(post.userId, found);
  }
  const raw = renderResourceCard(ctx.config.crisis, {
    timezone,
    defaultCountry: ctx.config.forum.defaultCountry,
    lanes: assessment.lanes,
    username: post.username,
  });
  await ctx.sendPrivateMessage({
    to: [post.username, ctx.config.crisis.alertGroup],
    title: ctx.config.crisis.card.title,
    raw,
    idempotencyKey: `crisis-card-${post.postId}`,
    memberId: post.userId,
    kind: "resource-card",
  });
}
