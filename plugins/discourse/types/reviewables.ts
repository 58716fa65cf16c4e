/**
 * The review queue (`/review.json`, `/review/:id.json`): absent from the spec, typed from
 * `app/serializers/reviewable_serializer.rb` (DISCOURSE.md §2.5). Fields we do not rely on stay optional.
 */

/** Numeric `status` of a reviewable. */
export const REVIEWABLE_STATUS = Object.freeze({ pending: 0, approved: 1, rejected: 2, ignored: 3, deleted: 4 });

export type ReviewableType = "ReviewableFlaggedPost" | "ReviewableQueuedPost" | "ReviewableUser" | "ReviewablePost" | (string & {});

/** One score (one flag) on a reviewable. */
export interface ReviewableScore {
  id: number;
  score: number;
  /** e.g. 7 for notify_moderators. */
  score_type?: { id: number; type?: string; title?: string } | number;
  reviewable_score_type?: number;
  status?: number;
  reason?: string | null;
  created_at?: string;
  /** The flagger's `message`, side-loaded as a PM link on newer versions. */
  user_id?: number;
  reviewed_at?: string | null;
}

export interface Reviewable {
  id: number;
  type: ReviewableType;
  type_source?: string;
  status: number;
  score: number;
  version: number;
  created_at: string;
  target_type?: string;
  target_id?: number;
  target_url?: string;
  target_created_at?: string;
  target_deleted_at?: string | null;
  topic_id?: number | null;
  topic_url?: string | null;
  category_id?: number | null;
  post_id?: number;
  user_id?: number;
  created_from_flag?: boolean;
  can_edit?: boolean;
  target_created_by_trust_level?: number;
  created_by_id?: number;
  target_created_by_id?: number;
  reviewable_score_ids?: number[];
  bundled_action_ids?: string[];
  /** Type-specific data (e.g. the queued post's raw for ReviewableQueuedPost). */
  payload?: Record<string, unknown>;
}

/** Side-loaded user, as `rest_serializer` sends it. */
export interface ReviewableUserRef {
  id: number;
  username: string;
  name?: string | null;
  avatar_template?: string;
  trust_level?: number;
}

/** Query of `GET /review.json`. */
export interface ListReviewablesParams {
  status?: "pending" | "approved" | "rejected" | "ignored" | "deleted" | "reviewed" | "all";
  type?: ReviewableType;
  categoryId?: number;
  topicId?: number;
  priority?: "low" | "medium" | "high";
  username?: string;
  sortOrder?: "score" | "score_asc" | "created_at" | "created_at_asc";
  offset?: number;
}

export interface ReviewableListResponse {
  reviewables: Reviewable[];
  users?: ReviewableUserRef[];
  reviewable_scores?: ReviewableScore[];
  meta: {
    total_rows_reviewables: number;
    load_more_reviewables?: string;
    reviewable_count?: number;
    types?: Record<string, string>;
  };
}

export interface ReviewableResponse {
  reviewable: Reviewable;
  users?: ReviewableUserRef[];
  reviewable_scores?: ReviewableScore[];
}
