import type { EventContext } from "../../plugins/app/types.ts";
import type { WebhookPost } from "../../plugins/webhooks/payloads.ts";
import { classifyThread } from "./classify-thread.ts";
import { markActed } from "./mark-acted.ts";
import { isMemberPost, toPostToAssess } from "./post-to-assess.ts";
import { processPost } from "./process-post.ts";

/** `post_created` and `post_edited`, topics and PMs alike (replies to the bots' PMs included). */
export async function handlePostEvent(ctx: EventContext<"post_created" | "post_edited">, post: WebhookPost): Promise<void> {
  if (!isMemberPost(post)) return;
  if (post.deleted_at) return;
  const thread = await classifyThread(ctx, post.topic_id, post.topic_archetype);
  if (thread.kind === "moderator-thread") {
    if (post.staff || post.moderator || post.admin) await markActed(ctx, { alertTopicId: post.topic_id, by: post.username, outcome: null });
    return;
  }
  if (post.topic_archetype === "private_message" && (post.staff || post.moderator || post.admin)) {
    // A moderator answering the member in the card thread is acting on the alert too.
    await markActed(ctx, { cardTopicId: post.topic_id, by: post.username, outcome: null });
  }
  await processPost(ctx, toPostToAssess(post, thread.where, "webhook"));
}
