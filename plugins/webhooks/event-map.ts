import type { WebhookGroupUser, WebhookLike, WebhookPost, WebhookReviewable, WebhookTopic, WebhookUser } from "./payloads.ts";

/**
 * Every webhook event Kindred understands, keyed by the name ticked in Discourse's webhook settings
 * (the subscription name), with the body each one carries (`{ "<X-Discourse-Event-Type>": … }`).
 */
export interface DiscourseEvents {
  post_created: { post: WebhookPost };
  post_edited: { post: WebhookPost };
  post_destroyed: { post: WebhookPost };
  post_recovered: { post: WebhookPost };
  topic_created: { topic: WebhookTopic };
  topic_edited: { topic: WebhookTopic };
  topic_destroyed: { topic: WebhookTopic };
  topic_recovered: { topic: WebhookTopic };
  user_created: { user: WebhookUser };
  user_confirmed_email: { user: WebhookUser };
  user_approved: { user: WebhookUser };
  user_updated: { user: WebhookUser };
  user_destroyed: { user: WebhookUser };
  user_suspended: { user: WebhookUser };
  user_unsuspended: { user: WebhookUser };
  reviewable_created: { reviewable: WebhookReviewable };
  reviewable_updated: { reviewable: WebhookReviewable };
  user_added_to_group: { group_user: WebhookGroupUser };
  user_removed_from_group: { group_user: WebhookGroupUser };
  post_liked: { like: WebhookLike };
}

export type EventName = keyof DiscourseEvents;

/** The payload root of each event (= `X-Discourse-Event-Type`). */
export const EVENT_TYPE: Readonly<Record<EventName, string>> = Object.freeze({
  post_created: "post",
  post_edited: "post",
  post_destroyed: "post",
  post_recovered: "post",
  topic_created: "topic",
  topic_edited: "topic",
  topic_destroyed: "topic",
  topic_recovered: "topic",
  user_created: "user",
  user_confirmed_email: "user",
  user_approved: "user",
  user_updated: "user",
  user_destroyed: "user",
  user_suspended: "user",
  user_unsuspended: "user",
  reviewable_created: "reviewable",
  reviewable_updated: "reviewable",
  user_added_to_group: "group_user",
  user_removed_from_group: "group_user",
  post_liked: "like",
});

export const EVENT_NAMES = Object.freeze(Object.keys(EVENT_TYPE) as EventName[]);

/**
 * `X-Discourse-Event` is Discourse's internal name, which is not always the subscription name
 * (app/models/web_hook.rb EVENT_NAME_TO_EVENT_TYPE_MAP): a reviewable_updated subscriber receives
 * `reviewable_score_updated` or `reviewable_transitioned_to`, topic status changes arrive as
 * `topic_<status>_status_updated`, and the TYPES keys `like_created` / `group_user_added` name
 * `post_liked` / `user_added_to_group`. Returns undefined for names Kindred does not know.
 */
export function canonicalEventName(delivered: string): EventName | undefined {
  if (delivered === "reviewable_score_updated" || delivered === "reviewable_transitioned_to") return "reviewable_updated";
  if (/^topic_[a-z_]+_status_updated$/.test(delivered)) return "topic_edited";
  if (delivered === "like_created") return "post_liked";
  if (delivered === "group_user_added") return "user_added_to_group";
  if (delivered === "group_user_removed") return "user_removed_from_group";
  return Object.hasOwn(EVENT_TYPE, delivered) ? (delivered as EventName) : undefined;
}
