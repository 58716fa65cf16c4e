import { createHash } from "node:crypto";
import type { DiscourseEvents, EventName } from "./event-map.ts";

/**
 * A deduplication key built from what an event is about, never from `X-Discourse-Event-Id`
 * (Discourse gives every retry a new id). Safe as a BullMQ job id: no `:` and never all digits.
 *
 * @example contentKey("post_created", "post_created", { post: { id: 7, version: 1 } }) // "post_created-post-7-v1"
 */
export function contentKey<E extends EventName>(name: E, deliveredAs: string, payload: DiscourseEvents[E], rawBody: string): string {
  const body = payload as Record<string, Record<string, unknown> | undefined>;
  const object = Object.values(body)[0] ?? {};
  const id = object.id;
  const part = (value: unknown) => String(value ?? "").replace(/[^A-Za-z0-9_.-]/g, "_");
  switch (name) {
    case "post_created":
    case "post_edited":
      return `${name}-post-${part(id)}-v${part(object.version ?? object.updated_at)}`;
    case "topic_edited":
      return `${deliveredAs}-topic-${part(id)}-${part(object.updated_at ?? object.bumped_at ?? digest(rawBody))}`;
    case "reviewable_created":
    case "reviewable_updated":
      return `${deliveredAs}-reviewable-${part(id)}-s${part(object.status)}-v${part(object.version ?? object.score)}`;
    case "user_added_to_group":
    case "user_removed_from_group":
      return `${name}-group-${part(object.group_id)}-user-${part(object.user_id)}-${part(object.created_at ?? digest(rawBody))}`;
    case "post_liked": {
      const like = body.like as unknown as { post?: { id?: number }; user?: { id?: number } } | undefined;
      return `${name}-post-${part(like?.post?.id)}-user-${part(like?.user?.id)}`;
    }
    case "user_updated":
      return `${name}-user-${part(id)}-${digest(rawBody)}`;
    default:
      return id === undefined ? `${name}-${digest(rawBody)}` : `${name}-${part(id)}`;
  }
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
