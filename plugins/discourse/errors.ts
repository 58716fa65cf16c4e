/**
 * The two ways a Discourse call fails (issue #2; STYLE.md habit 9, after grammY's GrammyError/HttpError).
 *
 * Neither class keeps the request headers, the API key or the response body: Discourse echoes what a
 * member wrote in some error bodies, and errors end up in logs and failed-job records.
 */

/** Discourse answered, with a status outside 2xx. */
export class DiscourseApiError extends Error {
  override readonly name = "DiscourseApiError";
  /** HTTP status Discourse answered with. */
  readonly status: number;
  /** HTTP method of the call. */
  readonly method: string;
  /** Path of the call, without the base URL (query string included: it never carries the key). */
  readonly path: string;
  /** Discourse's `errors` array when the body had one (422, 403, 404 …), else empty. */
  readonly errors: string[];
  /** Discourse's `error_type` (e.g. `rate_limit`, `not_found`, `invalid_access`) when present. */
  readonly errorType?: string;
  /** For a 429: how long Discourse asked us to wait, in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(init: {
    status: number;
    method: string;
    path: string;
    errors?: string[];
    errorType?: string;
    retryAfterMs?: number;
  }) {
    const errors = init.errors ?? [];
    const detail = errors.length > 0 ? `: ${errors.join("; ")}` : init.errorType ? `: ${init.errorType}` : "";
    super(`[discourse] ${init.method} ${init.path} answered ${init.status}${detail}`);
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.errors = errors;
    if (init.errorType !== undefined) this.errorType = init.errorType;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /**
   * True for answers a retry cannot change (a 4xx other than 408/429): the job layer sends these
   * straight to the failed list instead of backing off (issue #2, "Bots and jobs").
   */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/** The request never got an answer: network failure, DNS, refused connection or our timeout. */
export class DiscourseHttpError extends Error {
  override readonly name = "DiscourseHttpError";
  readonly method: string;
  readonly path: string;
  /** True when our own timeout (not the caller's signal) ended the call. */
  readonly timedOut: boolean;

  constructor(init: { method: string; path: string; cause: unknown; timedOut?: boolean; timeoutMs?: number }) {
    const why = init.timedOut ? `timed out after ${init.timeoutMs} ms` : `failed: ${describeCause(init.cause)}`;
    super(`[discourse] ${init.method} ${init.path} ${why}`, { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
    this.timedOut = init.timedOut ?? false;
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    // undici hides the useful part (ECONNREFUSED, ENOTFOUND …) one level down.
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
