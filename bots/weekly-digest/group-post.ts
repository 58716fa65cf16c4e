import type { BaseContext } from "../../plugins/app/types.ts";
import type { SnapshotIndex } from "./member-view.ts";
import { pickEncouragement } from "./pick-encouragement.ts";
import { fill, loadDigestTexts, plural } from "./texts.ts";

/** The category a group's weekly post goes to: configured, or the restricted one only it may read. */
export function groupCategory(index: SnapshotIndex, group: string, configured?: number): number | undefined {
  if (configured) return configured;
  const name = group.toLowerCase();
  const own = index.snapshot.categories.filter((c) => c.readRestricted && c.groups.length === 1 && c.groups[0] === name);
  return own.length === 1 ? own[0].id : undefined;
}

/**
 * Task `group-post`: one "this week in <group>" topic in the group's own category (one forum call).
 * Counts and an encouragement only: no names, no titles, nothing quoted. (Titles are plain text, and
 * Discourse group names are letters, digits, `_`, `-` and `.` only, so the name needs no escaping.)
 */
export async function postGroupWeek(ctx: BaseContext, input: { group: string; week: string }, index: SnapshotIndex): Promise<number | undefined> {
  const settings = ctx.config.digest;
  const entry = settings.groupPosts.find((g) => g.group.toLowerCase() === input.group.toLowerCase());
  if (!entry) return undefined;
  const categoryId = groupCategory(index, entry.group, entry.categoryId);
  const category = categoryId === undefined ? undefined : index.category(categoryId);
  if (categoryId === undefined) {
    ctx.log.warn({ group: entry.group }, "no category of its own for the group's weekly post; set groupPosts[].categoryId");
    return undefined;
  }
  const texts = loadDigestTexts(settings.textsFile);
  const topics = category?.topicsWeek ?? 0;
  const appreciated = category?.appreciated ?? 0;
  const line = pickEncouragement(texts.encouragements, [], `${entry.group}:${input.week}`);
  const raw = fill(texts.groupPost, {
    topics,
    topicsWord: plural(topics, "conversation", "conversations"),
    appreciated,
    appreciatedWord: plural(appreciated, "conversation", "conversations"),
    encouragement: line.text,
    bot: ctx.discourse.username,
  });
  const post = await ctx.discourse.createTopic(
    {
      title: fill(texts.groupPostTitle, { group: entry.group }),
      raw: `${raw}\n`,
      categoryId,
      idempotencyKey: `weekly-digest-group-${entry.group.toLowerCase()}-${input.week}`,
    },
    { signal: ctx.signal },
  );
  return post.topic_id;
}
