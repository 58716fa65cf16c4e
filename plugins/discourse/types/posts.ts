import type { OkJson } from "./generated-helpers.ts";

/** A post as `GET /posts/:id.json` returns it (spec type). */
export type Post = OkJson<"getPost">;

/** A topic as `GET /t/:id.json` returns it (spec type). */
export type Topic = OkJson<"getTopic">;

/** `GET /posts.json?before=` (spec type): 50 public posts, newest first, root key `latest_posts`. */
export type LatestPostsResponse = OkJson<"listPosts">;

/** One entry of `latest_posts`. */
export type LatestPost = LatestPostsResponse["latest_posts"][number];

/**
 * What a PM or reply call returns. Deliberately not the whole post: the result is kept in the
 * idempotency store, and what a member or a bot wrote must not outlive its job (issue #2). Field names
 * follow Discourse's post JSON.
 */
export interface CreatedPostRef {
  /** The new post's id. */
  id: number;
  topic_id: number;
  post_number: number;
}

/**
 * `GET /private-posts.json` (not in the spec): PMs the acting user takes part in, newest first.
 * Same serializer as `/posts.json` (`posts#latest` with `id: "private_posts"`), so the same post shape,
 * under the root key `private_posts`.
 */
export interface PrivatePostsResponse {
  private_posts: PrivatePost[];
}

/** One PM post from `/private-posts.json`: the latest-post shape, in a PM topic (`category_id` null). */
export type PrivatePost = Omit<LatestPost, "category_id"> & { category_id: number | null; topic_archetype?: string };
