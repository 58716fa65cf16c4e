import type { ApiBudget } from "./api-budget-types.ts";
import { type BoundClient, createBoundClient } from "./create-bound-client.ts";
import { createRequester, type DiscourseLogger } from "./create-requester.ts";
import { DiscourseApiError } from "./errors.ts";
import type { IdempotencyStore } from "./idempotency.ts";
import type { Lane } from "./lanes.ts";
import type { SiteBasicInfo } from "./types/feeds.ts";

/** Options of {@link createDiscourseClient}. */
export interface DiscourseClientOptions {
  /** e.g. `https://forum.example.org` (a trailing slash is fine). */
  baseUrl: string;
  /** The admin "all users" key. Never logged, never put in an error. */
  apiKey: string;
  /**
   * The bot accounts Kindred may act as (config names them; by default one `kindred` account).
   * `system` is always allowed. Anyone else is refused: the client never acts as a member.
   */
  botUsernames: readonly string[];
  /** The shared Redis-backed budget every call spends from. */
  budget: ApiBudget;
  /** @defaultValue globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Per HTTP attempt (waiting for the budget or a 429 is not counted). @defaultValue 10_000 */
  timeoutMs?: number;
  /** Where PM, reply and flag results are recorded by idempotency key. */
  idempotency?: IdempotencyStore;
  /** pino-compatible; gets method, path, status, lane and timings only. */
  logger?: DiscourseLogger;
  /** Longest total wait for 429s in one call before giving up with the 429 error. @defaultValue 120_000 */
  maxRateLimitWaitMs?: number;
}

/** What `health()` reports; it never throws for a forum that is down. */
export type DiscourseHealth =
  | { ok: true; latencyMs: number; title?: string }
  | { ok: false; latencyMs: number; status?: number; error: string };

export interface DiscourseClient {
  /** A client acting as one bot account, spending one budget lane. Throws for a non-bot username. */
  as(identity: { username: string; lane: Lane }): BoundClient;
  /** One budgeted call (maintenance lane, as `system`) to `/site/basic-info.json`. Call at most once a minute. */
  health(options?: { signal?: AbortSignal }): Promise<DiscourseHealth>;
}

/**
 * The typed Discourse REST client (issue #2, "The Discourse client"; STYLE.md habit 9).
 *
 * @example
 * const client = createDiscourseClient({ baseUrl, apiKey, botUsernames: ["kindred"], budget });
 * const crisis = client.as({ username: "kindred", lane: "crisis" });
 * await crisis.flagPost({ postId, message, idempotencyKey: `flag-${postId}` });
 */
export function createDiscourseClient(options: DiscourseClientOptions): DiscourseClient {
  const {
    baseUrl,
    apiKey,
    botUsernames,
    budget,
    fetch = globalThis.fetch,
    timeoutMs = 10_000,
    idempotency,
    logger,
    maxRateLimitWaitMs = 120_000,
  } = options;
  if (!baseUrl) throw new Error("[discourse] baseUrl is required");
  if (!apiKey) throw new Error("[discourse] apiKey is required");
  // Discourse usernames are case-insensitive.
  const allowed = new Set(["system", ...botUsernames].map((u) => u.toLowerCase()));
  const request = createRequester({ baseUrl, apiKey, fetch, timeoutMs, budget, maxRateLimitWaitMs, logger });

  function as(identity: { username: string; lane: Lane }): BoundClient {
    if (!allowed.has(identity.username.toLowerCase())) {
      throw new Error(`[discourse] refusing to act as "${identity.username}": not one of the configured bot accounts`);
    }
    return createBoundClient(identity.username, (req) => request(identity, req), idempotency);
  }

  async function health(healthOptions: { signal?: AbortSignal } = {}): Promise<DiscourseHealth> {
    const started = Date.now();
    try {
      const info = await request<SiteBasicInfo>(
        { username: "system", lane: "maintenance" },
        { method: "GET", path: "/site/basic-info.json", signal: healthOptions.signal },
      );
      return { ok: true, latencyMs: Date.now() - started, title: info?.title };
    } catch (error) {
      const latencyMs = Date.now() - started;
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof DiscourseApiError) return { ok: false, latencyMs, status: error.status, error: message };
      return { ok: false, latencyMs, error: message };
    }
  }

  return { as, health };
}
