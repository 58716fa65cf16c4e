import type { ErrorRequestHandler } from "express";

/** Discourse's stock error texts (config/locales/server.en.yml). */
export const MESSAGES = {
  notFound: "The requested URL or resource could not be found.",
  invalidAccess: "You are not permitted to view the requested resource.",
  invalidApiCredentials: "You are not permitted to view the requested resource. The API username or key is invalid.",
  conflict: "This item was modified by someone else. Please refresh and try again.",
} as const;

/**
 * An error that renders itself as Discourse would (`ApplicationController#render_json_error`):
 * `{"errors":[…],"error_type":…}` plus optional `extras`, status and headers.
 */
export class SandboxHttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown> | string;
  readonly headers: Record<string, string>;

  constructor(status: number, body: Record<string, unknown> | string, headers: Record<string, string> = {}) {
    super(`[sandbox] ${status} ${typeof body === "string" ? body : JSON.stringify(body)}`);
    this.name = "SandboxHttpError";
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** 404 `not_found`, Discourse's `Discourse::NotFound`. */
export function notFound(): SandboxHttpError {
  return new SandboxHttpError(404, { errors: [MESSAGES.notFound], error_type: "not_found" });
}

/** 403 `invalid_access`, Discourse's `Discourse::InvalidAccess`. */
export function invalidAccess(message: string = MESSAGES.invalidAccess): SandboxHttpError {
  return new SandboxHttpError(403, { errors: [message], error_type: "invalid_access" });
}

/** 422 with an `errors` array; `extra` adds fields such as `action: "create_post"`. */
export function unprocessable(errors: string[], extra: Record<string, unknown> = {}): SandboxHttpError {
  return new SandboxHttpError(422, { ...extra, errors });
}

/** 400 for a missing required parameter (`ActionController::ParameterMissing`). */
export function parameterMissing(name: string): SandboxHttpError {
  return new SandboxHttpError(400, {
    errors: [`param is missing or the value is empty: ${name}`],
    error_type: "invalid_parameters",
  });
}

/** 400 for a parameter with an unusable value (`Discourse::InvalidParameters`). */
export function invalidParameters(name: string): SandboxHttpError {
  return new SandboxHttpError(400, {
    errors: [`You supplied invalid parameters to the request: ${name}`],
    error_type: "invalid_parameters",
  });
}

/** 409, e.g. a reviewable performed with a stale version. */
export function conflict(message: string = MESSAGES.conflict): SandboxHttpError {
  return new SandboxHttpError(409, { errors: [message], error_type: "conflict" });
}

/** Express error handler that renders `SandboxHttpError`s and turns anything else into a 500. */
export const renderSandboxError: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof SandboxHttpError) {
    res.status(error.status).set(error.headers);
    if (typeof error.body === "string") res.type("text/plain").send(error.body);
    else res.json(error.body);
    return;
  }
  // body-parser errors carry a status (400 bad JSON, 413 too large).
  const status = typeof error?.status === "number" ? error.status : 500;
  const message = status === 500 ? "Oops! Something went wrong" : String(error?.message ?? "error");
  if (status === 500) console.error("[sandbox] unhandled error", error);
  res.status(status).json({ errors: [message], error_type: status === 500 ? "server_error" : "invalid_parameters" });
};
