/** `post_action_type_id` values (DISCOURSE.md §2.4, `db/fixtures/003_flags.rb`). */
export const POST_ACTION_TYPE = Object.freeze({
  like: 2,
  off_topic: 3,
  inappropriate: 4,
  notify_user: 6,
  notify_moderators: 7,
  spam: 8,
  illegal: 10,
});

/**
 * Body of `POST /post_actions.json` for a flag. The spec documents only `id`, `post_action_type_id` and
 * `flag_topic`; Discourse also takes `message` (required for notify_user / notify_moderators / illegal).
 */
export interface FlagRequestBody {
  id: number;
  post_action_type_id: number;
  message?: string;
  flag_topic?: boolean;
  is_warning?: boolean;
  take_action?: boolean;
}

/** What `flagPost` returns: either we flagged now, or this bot had already flagged the post (also fine). */
export interface FlagResult {
  postId: number;
  status: "flagged" | "already_flagged";
}
