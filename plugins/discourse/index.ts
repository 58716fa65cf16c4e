/** The typed, budgeted Discourse REST client and the shared API budget (issue #2). */
export type { ApiBudget, ApiBudgetMetrics, ApiBudgetOptions, ApiBudgetSnapshot } from "./api-budget-types.ts";
export { createApiBudget } from "./create-api-budget.ts";
export type { BoundClient } from "./create-bound-client.ts";
export {
  createDiscourseClient,
  type DiscourseClient,
  type DiscourseClientOptions,
  type DiscourseHealth,
} from "./create-discourse-client.ts";
export type { ApiRequest, CallIdentity, DiscourseLogger } from "./create-requester.ts";
export { DiscourseApiError, DiscourseHttpError } from "./errors.ts";
export { createMemoryIdempotencyStore, type IdempotencyStore, runIdempotent } from "./idempotency.ts";
export { LANE_PRIORITY, LANES, type Lane } from "./lanes.ts";
export { DEFAULT_RETRY_AFTER_MS, parseRetryAfterMs } from "./parse-retry-after.ts";
export type { CallOptions } from "./resources/bound-call.ts";
export type { FeedMethods } from "./resources/feeds.ts";
export type { FlagMethods, FlagPostInput } from "./resources/flags.ts";
export type { GroupMethods } from "./resources/groups.ts";
export type { CreatePrivateMessageInput, CreateTopicInput, PostMethods, ReplyToTopicInput } from "./resources/posts.ts";
export type { ReviewableMethods } from "./resources/reviewables.ts";
export type { SiteSettingMethods } from "./resources/site-settings.ts";
export type { DirectoryItemsParams, UserMethods } from "./resources/users.ts";
export type { WebhookMethods } from "./resources/webhooks.ts";
export * from "./types/index.ts";
