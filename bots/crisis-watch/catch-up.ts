import type { BaseContext } from "../../plugins/app/types.ts";
import type { ForumClient } from "../../plugins/app/forum-client.ts";
import { classifyThread } from "./classify-thread.ts";
import { type ForumPost, isMemberPost, toPostToAssess } from "./post-to-assess.ts";
import { processPost } from "./process-post.ts";

/** At most this many pages per feed per run; the next run carries on from the cursor. */
const MAX_PAGES = 10;

/**
 * The backstop for webhooks that never arrived (Discourse sends each once by default and never
 * retries a timeout): public posts from `/posts.json?before=` and PMs to each bot account from
 * `/private-posts.json`, from the last assessed id. The first run only sets the cursor at the
 * newest post: history is never backfilled on its own (`kindred crisis backfill` does that).
 */
export async function catchUp(ctx: BaseContext): Promise<number> {
  if (!ctx.config.crisis.catchUp.enabled) return 0;
  let assessed = await catchUpFeed(ctx, "crisis-catchup-public", ctx.discourse, (c, before) => c.latestPosts({ before }));
  for (const account of new Set(Object.values(ctx.config.accounts))) {
    const client = ctx.discourseAs({ lane: "crisis", account: accountKey(ctx, account) });
    assessed += await catchUpFeed(ctx, `crisis-catchup-pm-${account.toLowerCase()}`, client, (c, before) => c.privatePosts({ before }));
  }
  return assessed;
}

function accountKey(ctx: BaseContext, username: string) {
  const entry = Object.entries(ctx.config.accounts).find(([, name]) => name === username);
  return (entry?.[0] ?? "crisis") as keyof BaseContext["config"]["accounts"];
}

async function catchUpFeed(
  ctx: BaseContext,
  cursorKey: string,
  client: ForumClient,
  read: (client: ForumClient, before?: number) => Promise<{ latest_posts?: ForumPost[]; private_posts?: ForumPost[] } | unknown>,
): Promise<number> {
  const cursor = await ctx.kv.get<number>(cursorKey);
  const pages: ForumPost[] = [];
  let before: number | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = (await read(client, before)) as { latest_posts?: ForumPost[]; private_posts?: ForumPost[] };
    const posts = body.latest_posts ?? body.private_posts ?? [];
    if (posts.length === 0) break;
    pages.push(...posts);
    const oldest = Math.min(...posts.map((p) => p.id));
    if (cursor === undefined || oldest <= cursor) break;
    before = oldest;
  }
  const newest = pages.reduce((max, p) => Math.max(max, p.id), cursor ?? 0);
  if (cursor === undefined) {
    await ctx.kv.set(cursorKey, newest);
    return 0;
  }
  let assessed = 0;
  const fresh = pages.filter((p) => p.id > cursor && !ctx.botUsernames.has(p.username.toLowerCase())).sort((a, b) => a.id - b.id);
  for (const post of fresh) {
    if (!isMemberPost(post)) continue;
    const thread = await classifyThread(ctx, post.topic_id, post.topic_archetype ?? (cursorKey.includes("-pm-") ? "private_message" : "regular"));
    if (thread.kind === "moderator-thread") continue;
    const result = await processPost(ctx, toPostToAssess(post, thread.where, "catchup"));
    if (result) assessed++;
  }
  await ctx.kv.set(cursorKey, newest);
  return assessed;
}
