/**
 * What Discourse's webhook serializers send (DISCOURSE.md §1.4). Only the fields Kindred reads are
 * required; everything else Discourse adds stays available as unknown keys.
 */
export interface WebhookPost {
  id: number;
  username: string;
  user_id: number;
  topic_id: number;
  post_number: number;
  post_type?: number;
  raw?: string;
  cooked?: string;
  created_at: string;
  updated_at?: string;
  version?: number;
  topic_title?: string;
  topic_slug?: string;
  topic_archetype?: "regular" | "private_message" | string;
  category_id?: number | null;
  category_slug?: string;
  reply_to_post_number?: number | null;
  hidden?: boolean;
  deleted_at?: string | null;
  staff?: boolean;
  moderator?: boolean;
  admin?: boolean;
  trust_level?: number;
  [key: string]: unknown;
}

export interface WebhookTopic {
  id: number;
  title: string;
  slug?: string;
  archetype?: string;
  category_id?: number | null;
  user_id?: number;
  created_at: string;
  last_posted_at?: string;
  posts_count?: number;
  closed?: boolean;
  archived?: boolean;
  visible?: boolean;
  created_by?: BasicUser;
  last_poster?: BasicUser;
  [key: string]: unknown;
}

export interface BasicUser {
  id: number;
  username: string;
  name?: string | null;
  avatar_template?: string;
}

export interface WebhookUser extends BasicUser {
  created_at?: string;
  trust_level?: number;
  moderator?: boolean;
  admin?: boolean;
  /** Signup answers keyed by user-field id, e.g. `{ "1": "SMART Recovery" }`. */
  user_fields?: Record<string, string | string[] | null>;
  timezone?: string;
  locale?: string;
  suspended_till?: string | null;
  silenced_till?: string | null;
  [key: string]: unknown;
}

export interface WebhookReviewable {
  id: number;
  type: string;
  status: number;
  target_type?: string;
  target_id?: number;
  topic_id?: number | null;
  category_id?: number | null;
  created_at?: string;
  version?: number;
  score?: number;
  created_by_id?: number;
  target_created_by_id?: number;
  /** Queued posts carry the text that was held back. */
  payload?: { raw?: string; title?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export interface WebhookGroupUser {
  id?: number;
  group_id: number;
  user_id: number;
  created_at?: string;
  notification_level?: number;
  owner?: boolean;
  [key: string]: unknown;
}

export interface WebhookLike {
  post: WebhookPost;
  user: BasicUser;
}
