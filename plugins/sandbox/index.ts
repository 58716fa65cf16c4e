/**
 * The sandbox forum: a Discourse-compatible HTTP server for tests and for a first run without a
 * forum (issue 2). It behaves like Discourse where Kindred depends on it: auth, errors, the shared
 * admin-API rate limit, permissions, PMs, flags and the review queue, groups, and signed webhooks.
 *
 * @example
 * const forum = createSandboxForum({ webhooks: [{ url, secret, events: "all" }] });
 * const { url } = await forum.listen();
 * await forum.actAs("jordan").createPost({ raw: "…", topic_id: 10 });
 * await forum.close();
 */
export { createSandboxForum } from "./create-sandbox-forum.ts";
export type { ActingUser, SandboxForum, SandboxForumOptions, SandboxWebhookOption } from "./create-sandbox-forum.ts";
export type { ApiKeyDefinition } from "./auth.ts";
export type { SandboxState } from "./state.ts";
export type * from "./types.ts";
export { signPayload } from "./webhooks/sign-payload.ts";
export { SEED_USER_FIELDS } from "./seed-data.ts";
