import type { EventName } from "./event-map.ts";

/**
 * Discourse's WebHookEventType ids (app/models/web_hook_event_type.rb, seeded names in
 * db/fixtures/007_web_hook_event_types.rb), used when Kindred creates or updates its webhook.
 */
export const EVENT_TYPE_IDS: Readonly<Record<EventName, number>> = Object.freeze({
  topic_created: 101,
  topic_edited: 103,
  topic_destroyed: 104,
  topic_recovered: 105,
  post_created: 201,
  post_edited: 202,
  post_destroyed: 203,
  post_recovered: 204,
  user_confirmed_email: 303,
  user_created: 304,
  user_approved: 305,
  user_updated: 306,
  user_destroyed: 307,
  user_suspended: 308,
  user_unsuspended: 309,
  reviewable_created: 901,
  reviewable_updated: 902,
  user_added_to_group: 1401,
  user_removed_from_group: 1402,
  post_liked: 1501,
});
