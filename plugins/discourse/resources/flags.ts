import { DiscourseApiError } from "../errors.ts";
import { runIdempotent } from "../idempotency.ts";
import { type FlagRequestBody, type FlagResult, POST_ACTION_TYPE } from "../types/flags.ts";
import type { CallOptions, ResourceDeps } from "./bound-call.ts";

export interface FlagPostInput {
  postId: number;
  /** Shown to moderators in the flag's PM; required for notify_moderators. Never log it. */
  message: string;
  idempotencyKey: string;
}

export interface FlagMethods {
  /**
   * Flags a post for moderators (`post_action_type_id` 7 notify_moderators with `message`): the post stays
   * visible, the moderators group gets a PM and the review queue an item (DISCOURSE.md §2.4). If this bot
   * already flagged the post, that counts as done (`status: "already_flagged"`), not as an error.
   */
  flagPost(input: FlagPostInput, options?: CallOptions): Promise<FlagResult>;
}

interface ActionSummary {
  id: number;
  acted?: boolean;
}

export function createFlagMethods({ call, idempotency }: ResourceDeps): FlagMethods {
  async function alreadyFlagged(postId: number, options?: CallOptions): Promise<boolean> {
    const post = await call<{ actions_summary?: ActionSummary[] }>({
      method: "GET",
      path: `/posts/${postId}.json`,
      signal: options?.signal,
    });
    return (post.actions_summary ?? []).some((a) => a.id === POST_ACTION_TYPE.notify_moderators && a.acted === true);
  }

  return {
    flagPost(input, options) {
      if (!input.message.trim()) throw new Error("[discourse] a notify_moderators flag needs a message");
      return runIdempotent(idempotency, "flag", input.idempotencyKey, async (): Promise<FlagResult> => {
        const body: FlagRequestBody = {
          id: input.postId,
          post_action_type_id: POST_ACTION_TYPE.notify_moderators,
          message: input.message,
          flag_topic: false,
        };
        try {
          await call({ method: "POST", path: "/post_actions.json", body: { ...body }, signal: options?.signal });
          return { postId: input.postId, status: "flagged" };
        } catch (error) {
          // Discourse refuses a second flag by the same user with 403 ("not permitted") or 422 ("already"),
          // depending on version; the post's actions_summary says for sure whether we already acted.
          if (!(error instanceof DiscourseApiError) || (error.status !== 403 && error.status !== 422)) throw error;
          const mentionsAlready = error.errors.some((e) => /already/i.test(e));
          if (mentionsAlready || (await alreadyFlagged(input.postId, options))) {
            return { postId: input.postId, status: "already_flagged" };
          }
          throw error;
        }
      });
    },
  };
}
