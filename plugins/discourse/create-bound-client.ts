import type { IdempotencyStore } from "./idempotency.ts";
import type { BoundCall } from "./resources/bound-call.ts";
import { createFeedMethods, type FeedMethods } from "./resources/feeds.ts";
import { createFlagMethods, type FlagMethods } from "./resources/flags.ts";
import { createGroupMethods, type GroupMethods } from "./resources/groups.ts";
import { createPostMethods, type PostMethods } from "./resources/posts.ts";
import { createReviewableMethods, type ReviewableMethods } from "./resources/reviewables.ts";
import { createSiteSettingMethods, type SiteSettingMethods } from "./resources/site-settings.ts";
import { createUserMethods, type UserMethods } from "./resources/users.ts";
import { createWebhookMethods, type WebhookMethods } from "./resources/webhooks.ts";

/**
 * The Discourse client bound to one bot account and one budget lane: what bots get as `ctx.discourse`.
 * Every method spends one budgeted call (an iterator one per page), takes an optional `{ signal }` last,
 * and throws `DiscourseApiError` / `DiscourseHttpError`.
 */
export interface BoundClient
  extends PostMethods,
    FlagMethods,
    ReviewableMethods,
    UserMethods,
    GroupMethods,
    FeedMethods,
    WebhookMethods,
    SiteSettingMethods {
  /** The bot account this client acts as. */
  readonly username: string;
}

/** Assembles the resource groups around one bound request function. */
export function createBoundClient(username: string, call: BoundCall, idempotency?: IdempotencyStore): BoundClient {
  const deps = { call, idempotency };
  return {
    username,
    ...createPostMethods(deps),
    ...createFlagMethods(deps),
    ...createReviewableMethods(deps),
    ...createUserMethods(deps),
    ...createGroupMethods(deps),
    ...createFeedMethods(deps),
    ...createWebhookMethods(deps),
    ...createSiteSettingMethods(deps),
  };
}
