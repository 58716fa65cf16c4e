/** Types of the Discourse REST API: spec-derived where the spec has them, hand-written where it does not. */
export type * from "./feeds.ts";
export * from "./flags.ts";
export type * from "./generated-helpers.ts";
export type * from "./groups.ts";
export type * from "./posts.ts";
export * from "./reviewables.ts";
export type * from "./site-settings.ts";
export type * from "./users.ts";
export * from "./webhooks.ts";
