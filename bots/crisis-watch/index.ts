import { defineBot } from "../../plugins/app/define-bot.ts";
import type { WebhookPost, WebhookTopic } from "../../plugins/webhooks/payloads.ts";
import { assess, loadCrisisLexicon } from "./assess/index.ts";
import { catchUp } from "./catch-up.ts";
import { escalateDue } from "./escalate-due.ts";
import { handlePostEvent } from "./handle-post-event.ts";
import { handleReviewableCreated, handleReviewableUpdated } from "./handle-reviewable.ts";
import * as migration0001 from "./migrations/crisis-watch-0001-init.ts";
import "./database.ts";

/**
 * Crisis watch (issue #3): reads every post and PM, flags posts where someone may be in danger so
 * moderators see them at once, alerts them, escalates if nobody acts, and sends the poster a
 * private resource card. Its own work goes on the crisis lane of the API budget.
 */
export default defineBot({
  name: "crisis-watch",
  lane: "crisis",
  account: "crisis",
  migrations: { "crisis-watch-0001-init": migration0001 },
  setup(app) {
    // Compile the lexicon (about a second) when a worker process starts, not inside the first post's
    // assessment: that post may be someone in danger. Operator commands never pay for it.
    app.onWorkerStart(() => loadCrisisLexicon());
    app.on(["post_created", "post_edited"], (ctx) => handlePostEvent(ctx, ctx.payload.post));
    // An edit of a first post together with its title arrives as topic_edited, without the text.
    app.on("topic_edited", async (ctx) => {
      if (!/^topic_edited$/.test(ctx.deliveredAs)) return;
      const topic: WebhookTopic = ctx.payload.topic;
      const first = (await ctx.discourse.getTopic(topic.id)) as { post_stream?: { posts?: Array<{ id: number }> } };
      const postId = first.post_stream?.posts?.[0]?.id;
      if (postId === undefined) return;
      const post = await ctx.discourse.getPost(postId);
      await handlePostEvent(ctx as never, { ...(post as unknown as WebhookPost), topic_archetype: topic.archetype ?? "regular" });
    });
    app.on("reviewable_created", handleReviewableCreated);
    app.on("reviewable_updated", handleReviewableUpdated);
    app.every("* * * * *", "escalation", (ctx) => escalateDue(ctx).then(() => undefined));
    app.every("* * * * *", "catch-up", (ctx) => catchUp(ctx).then(() => undefined));
    app.every("41 4 * * *", "retention", async (ctx) => {
      const before = new Date(ctx.clock.now().getTime() - ctx.config.retention.crisisRecordsDays * 86_400_000);
      await ctx.db.deleteFrom("crisis_assessments").where("assessed_at", "<", before).execute();
      await ctx.db.deleteFrom("crisis_alerts").where("created_at", "<", before).execute();
    });
    // The PM router asks crisis watch first about every reply in Kindred's threads.
    app.guardPmReplies(async (post, text, thread) => {
      const where = thread?.bot === "onboarding" ? "intake_reply" : "pm_to_bot";
      return assess(text, { where, writtenAt: new Date(post.created_at) }).level;
    });
  },
});
