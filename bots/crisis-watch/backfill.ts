import type { BaseContext } from "../../plugins/app/types.ts";
import { assess } from "./assess/index.ts";
import { type ForumPost, isMemberPost, toPostToAssess } from "./post-to-assess.ts";
import { processPost } from "./process-post.ts";

/**
 * `kindred crisis backfill`: public posts written since `since`, assessed on request. A dry run
 * reports levels only. Applied, posts older than `catchUp.maxCardAgeHours` are flagged for review
 * without a resource card (the card is for now, not for old news).
 */
export async function backfill(ctx: BaseContext, options: { since: Date; apply: boolean }): Promise<{ posts: number; levels: Record<string, number> }> {
  const levels: Record<string, number> = {};
  let posts = 0;
  let before: number | undefined;
  for (let page = 0; page < 200; page++) {
    const body = (await ctx.discourse.latestPosts({ before })) as unknown as { latest_posts?: ForumPost[] };
    const batch = body.latest_posts ?? [];
    if (batch.length === 0) break;
    for (const post of batch) {
      if (new Date(post.created_at) < options.since) continue;
      if (ctx.botUsernames.has(post.username.toLowerCase()) || !isMemberPost(post)) continue;
      posts++;
      const input = toPostToAssess(post, "topic", "backfill");
      const level = options.apply
        ? ((await processPost(ctx, input))?.level ?? "already assessed")
        : assess(input.raw, { where: "topic", writtenAt: input.writtenAt, now: ctx.clock.now() }).level;
      levels[level] = (levels[level] ?? 0) + 1;
    }
    const oldest = batch.reduce((min, p) => Math.min(min, p.id), Number.POSITIVE_INFINITY);
    if (batch.every((p) => new Date(p.created_at) < options.since)) break;
    before = oldest;
  }
  return { posts, levels };
}
