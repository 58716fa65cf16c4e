import type { BaseContext } from "../../plugins/app/types.ts";
import { assess } from "./assess/index.ts";
import type { Assessment } from "./assess/types.ts";
import { actOnAssessment } from "./act-on-assessment.ts";
import type { PostToAssess } from "./post-to-assess.ts";

/**
 * Assesses one post version once, whichever way it arrived (webhook, catch-up, approval queue,
 * backfill), then acts. The record is written after the actions, which are idempotent on their own,
 * so a job that fails half-way acts again on retry instead of leaving a crisis unflagged.
 */
export async function processPost(ctx: BaseContext, post: PostToAssess): Promise<Assessment | undefined> {
  const seen = await ctx.db
    .selectFrom("crisis_assessments")
    .select("level")
    .where("post_id", "=", post.postId)
    .where("version", "=", post.version)
    .executeTakeFirst();
  if (seen) return undefined;
  const now = ctx.clock.now();
  const assessment = assess(post.raw, { where: post.where, writtenAt: post.writtenAt, now });
  if (post.userId !== null && post.username) await ctx.members.ensure(post.userId, post.username);
  await actOnAssessment(ctx, post, assessment);
  await ctx.db
    .insertInto("crisis_assessments")
    .values({
      post_id: post.postId,
      version: post.version,
      topic_id: post.topicId,
      user_id: post.userId,
      level: assessment.level,
      lanes: JSON.stringify(assessment.lanes),
      cues: JSON.stringify([...new Set(assessment.evidence.flatMap((e) => e.cues))]),
      score: assessment.score,
      source: post.source,
      mode: ctx.config.crisis.mode,
      written_at: post.writtenAt,
      assessed_at: now,
    })
    .onConflict((oc) => oc.columns(["post_id", "version"]).doNothing())
    .execute();
  ctx.log.info({ post: post.postId, version: post.version, level: assessment.level, lanes: assessment.lanes, source: post.source }, "assessed");
  return assessment;
}
