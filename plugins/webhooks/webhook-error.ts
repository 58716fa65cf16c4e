/** An error that knows the HTTP status it renders as (hono's HTTPException, webhooks.js `error.status`). */
export class WebhookError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(`[discourse-webhooks] ${message}`);
    this.name = "WebhookError";
    this.status = status;
  }
}
