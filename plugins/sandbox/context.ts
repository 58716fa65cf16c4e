import type { SandboxState } from "./state.ts";
import type { WebhookEmitter } from "./webhooks/webhook-emitter.ts";

/** What every action, serializer and route of the sandbox shares. */
export interface SandboxContext {
  state: SandboxState;
  /** The forum's clock (injectable so tests can move time). */
  now: () => Date;
  /** The base URL once listening (`http://127.0.0.1:PORT`), used for links and `X-Discourse-Instance`. */
  baseUrl: () => string;
  webhooks: WebhookEmitter;
  /** Discourse's 120 s memoization of identical API post creates: signature → result. */
  createMemo: Map<string, { expiresAt: number; result: unknown }>;
  /** Per-user daily limiters for non-staff PMs and flags (`max_personal_messages_per_day`, `max_flags_per_day`). */
  dailyActions: Map<string, number[]>;
  /** Browser sessions (cookie `_t` → user id) for the DiscourseConnect provider flow. */
  sessions: Map<string, number>;
}

/** The clock as an ISO string with milliseconds, as Discourse serializes timestamps. */
export function nowIso(ctx: SandboxContext): string {
  return ctx.now().toISOString();
}
