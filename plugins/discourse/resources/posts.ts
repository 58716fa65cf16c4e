import { runIdempotent } from "../idempotency.ts";
import type { CreatedPostRef, LatestPostsResponse, Post, PrivatePostsResponse, Topic } from "../types/posts.ts";
import type { CallOptions, ResourceDeps } from "./bound-call.ts";

export interface CreatePrivateMessageInput {
  title: string;
  raw: string;
  /** Usernames and/or messageable group names; sent comma-joined as `target_recipients`. */
  targetRecipients: string[];
  /** Same key → at most one PM (see `idempotency.ts`). */
  idempotencyKey: string;
}

export interface CreateTopicInput {
  title: string;
  raw: string;
  categoryId: number;
  /** Same key → at most one topic. */
  idempotencyKey: string;
}

export interface ReplyToTopicInput {
  topicId: number;
  raw: string;
  replyToPostNumber?: number;
  idempotencyKey: string;
}

/** Posts, topics and PMs. */
export interface PostMethods {
  /** `POST /posts.json` with `archetype: private_message` (DISCOURSE.md §2.3). */
  createPrivateMessage(input: CreatePrivateMessageInput, options?: CallOptions): Promise<CreatedPostRef>;
  /** `POST /posts.json` with `title` and `category`: a new topic (the weekly digest's group posts). */
  createTopic(input: CreateTopicInput, options?: CallOptions): Promise<CreatedPostRef>;
  /** `POST /posts.json` with `topic_id` (a reply in a topic or a PM thread). */
  replyToTopic(input: ReplyToTopicInput, options?: CallOptions): Promise<CreatedPostRef>;
  /** `GET /posts/:id.json`. */
  getPost(id: number, options?: CallOptions): Promise<Post>;
  /** `GET /t/:id.json`. */
  getTopic(id: number, options?: CallOptions): Promise<Topic>;
  /** `GET /posts.json?before=`: 50 public posts newest first, for catch-up polling. */
  latestPosts(params?: { before?: number }, options?: CallOptions): Promise<LatestPostsResponse>;
  /** `GET /private-posts.json?before=`: PM posts the bound bot account takes part in. */
  privatePosts(params?: { before?: number }, options?: CallOptions): Promise<PrivatePostsResponse>;
}

interface CreatedPost {
  id: number;
  topic_id: number;
  post_number: number;
}

function toRef(post: CreatedPost, what: string): CreatedPostRef {
  // A staff bot is never queued for approval, but if it were, there would be no post to point at.
  if (typeof post?.id !== "number") throw new Error(`[discourse] ${what} was not created (queued for approval?)`);
  return { id: post.id, topic_id: post.topic_id, post_number: post.post_number };
}

export function createPostMethods({ call, idempotency }: ResourceDeps): PostMethods {
  return {
    createPrivateMessage(input, options) {
      if (input.targetRecipients.length === 0) throw new Error("[discourse] a PM needs at least one recipient");
      return runIdempotent(idempotency, "pm", input.idempotencyKey, async () => {
        const post = await call<CreatedPost>({
          method: "POST",
          path: "/posts.json",
          body: {
            title: input.title,
            raw: input.raw,
            archetype: "private_message",
            target_recipients: input.targetRecipients.join(","),
          },
          signal: options?.signal,
        });
        return toRef(post, "the PM");
      });
    },
    createTopic(input, options) {
      return runIdempotent(idempotency, "topic", input.idempotencyKey, async () => {
        const post = await call<CreatedPost>({
          method: "POST",
          path: "/posts.json",
          body: { title: input.title, raw: input.raw, category: input.categoryId },
          signal: options?.signal,
        });
        return toRef(post, "the topic");
      });
    },
    replyToTopic(input, options) {
      return runIdempotent(idempotency, "reply", input.idempotencyKey, async () => {
        const post = await call<CreatedPost>({
          method: "POST",
          path: "/posts.json",
          body: { topic_id: input.topicId, raw: input.raw, reply_to_post_number: input.replyToPostNumber },
          signal: options?.signal,
        });
        return toRef(post, "the reply");
      });
    },
    getPost: (id, options) => call({ method: "GET", path: `/posts/${id}.json`, signal: options?.signal }),
    getTopic: (id, options) => call({ method: "GET", path: `/t/${id}.json`, signal: options?.signal }),
    latestPosts: (params = {}, options) =>
      call({ method: "GET", path: "/posts.json", query: { before: params.before }, signal: options?.signal }),
    privatePosts: (params = {}, options) =>
      call({ method: "GET", path: "/private-posts.json", query: { before: params.before }, signal: options?.signal }),
  };
}
