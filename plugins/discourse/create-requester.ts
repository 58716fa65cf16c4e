import type { ApiBudget } from "./api-budget-types.ts";
import { DiscourseApiError, DiscourseHttpError } from "./errors.ts";
import type { Lane } from "./lanes.ts";
import { parseRetryAfterMs } from "./parse-retry-after.ts";

/** The logging the client does: pino's `(obj, msg)` shape, so a pino logger fits as is. */
export interface DiscourseLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** One REST call, before auth and budget. */
export interface ApiRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Starts with `/`, e.g. `/posts.json`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: Record<string, unknown>;
  signal?: AbortSignal;
}

/** Who a call acts as and which budget lane it spends. */
export interface CallIdentity {
  username: string;
  lane: Lane;
}

export type Requester = <T>(identity: CallIdentity, request: ApiRequest) => Promise<T>;

export interface RequesterOptions {
  baseUrl: string;
  apiKey: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  budget: ApiBudget;
  maxRateLimitWaitMs: number;
  logger?: DiscourseLogger;
}

/**
 * The one place a Discourse request is made: budget first (on the caller's lane), then the request with
 * `Api-Key`/`Api-Username`, a timeout combined with the caller's signal, and 429 handling (pause the
 * shared budget, wait, retry, at most `maxRateLimitWaitMs` in all). Errors never carry the key.
 */
export function createRequester(options: RequesterOptions): Requester {
  const { apiKey, fetch, timeoutMs, budget, maxRateLimitWaitMs, logger } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  // Belt and braces: nothing should echo the key, but a proxy's error page or a cause's message might.
  const redact = (text: string): string => (apiKey && text.includes(apiKey) ? text.replaceAll(apiKey, "[redacted]") : text);
  const scrub = <E extends Error>(error: E): E => {
    error.message = redact(error.message);
    if (error.stack) error.stack = redact(error.stack);
    return error;
  };
  const readErrors = (text: string) => {
    const found = readErrorBody(text);
    return { ...found, errors: found.errors.map(redact) };
  };

  return async function request<T>(identity: CallIdentity, req: ApiRequest): Promise<T> {
    const path = withQuery(req.path, req.query);
    let rateLimitWaitedMs = 0;
    for (;;) {
      await budget.acquire(identity.lane, req.signal);
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
      const headers: Record<string, string> = {
        "Api-Key": apiKey,
        "Api-Username": identity.username,
        Accept: "application/json",
      };
      if (req.body) headers["Content-Type"] = "application/json";
      const started = Date.now();
      let status: number;
      let retryAfter: string | null;
      let text: string;
      try {
        const response = await fetch(baseUrl + path, {
          method: req.method,
          headers,
          body: req.body ? JSON.stringify(req.body) : undefined,
          signal,
          redirect: "follow",
        });
        status = response.status;
        retryAfter = response.headers.get("retry-after");
        text = await response.text();
      } catch (cause) {
        if (req.signal?.aborted) throw req.signal.reason;
        throw scrub(new DiscourseHttpError({ method: req.method, path, cause, timedOut: timeout.aborted, timeoutMs }));
      }
      logger?.debug({ method: req.method, path, status, lane: identity.lane, ms: Date.now() - started }, "[discourse] call");

      if (status === 429) {
        const retryAfterMs = parseRetryAfterMs(retryAfter, text);
        await budget.penalize(retryAfterMs);
        if (rateLimitWaitedMs + retryAfterMs > maxRateLimitWaitMs) {
          throw scrub(new DiscourseApiError({ status, method: req.method, path, ...readErrors(text), retryAfterMs }));
        }
        logger?.warn({ method: req.method, path, lane: identity.lane, retryAfterMs }, "[discourse] 429: waiting it out");
        await sleep(retryAfterMs, req.signal);
        rateLimitWaitedMs += retryAfterMs;
        continue;
      }
      if (status < 200 || status >= 300) {
        throw scrub(new DiscourseApiError({ status, method: req.method, path, ...readErrors(text) }));
      }
      if (text.trim() === "") return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new DiscourseApiError({ status, method: req.method, path, errors: ["the answer was not JSON"] });
      }
    }
  };
}

function withQuery(path: string, query: ApiRequest["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Discourse's `errors`/`error_type`, when the body is JSON. Nothing else of the body is kept. */
function readErrorBody(text: string): { errors: string[]; errorType?: string } {
  if (!text.trimStart().startsWith("{")) return { errors: [] };
  try {
    const body = JSON.parse(text) as { errors?: unknown; error_type?: unknown };
    const errors = Array.isArray(body.errors) ? body.errors.filter((e): e is string => typeof e === "string") : [];
    return typeof body.error_type === "string" ? { errors, errorType: body.error_type } : { errors };
  } catch {
    return { errors: [] };
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
