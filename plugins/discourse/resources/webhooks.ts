import type {
  ListWebhooksResponse,
  RedeliverFailedResponse,
  RedeliverWebhookEventResponse,
  WebhookEventsResponse,
  WebhookInput,
  WebhookResponse,
} from "../types/webhooks.ts";
import type { CallOptions, ResourceDeps } from "./bound-call.ts";

export interface WebhookMethods {
  /** `GET /admin/api/web_hooks.json`. */
  listWebhooks(options?: CallOptions): Promise<ListWebhooksResponse>;
  /** `POST /admin/api/web_hooks.json` (JSON content type unless told otherwise). */
  createWebhook(input: WebhookInput, options?: CallOptions): Promise<WebhookResponse>;
  /** `PUT /admin/api/web_hooks/:id.json`. */
  updateWebhook(id: number, input: Partial<WebhookInput>, options?: CallOptions): Promise<WebhookResponse>;
  /** `GET /admin/api/web_hook_events/:hookId.json?status=&offset=` (50 per page, kept 30 days). */
  listWebhookEvents(
    hookId: number,
    params?: { status?: "failed" | "successful"; offset?: number },
    options?: CallOptions,
  ): Promise<WebhookEventsResponse>;
  /** `POST /admin/api/web_hooks/:hookId/events/:eventId/redeliver`: same body and signature, synchronously. */
  redeliverWebhookEvent(hookId: number, eventId: number, options?: CallOptions): Promise<RedeliverWebhookEventResponse>;
  /** `POST /admin/api/web_hooks/:hookId/events/failed_redeliver`: queues every failed event of the hook. */
  redeliverFailed(hookId: number, options?: CallOptions): Promise<RedeliverFailedResponse>;
}

export function createWebhookMethods({ call }: ResourceDeps): WebhookMethods {
  return {
    listWebhooks: (options) => call({ method: "GET", path: "/admin/api/web_hooks.json", signal: options?.signal }),
    createWebhook: (input, options) =>
      call({
        method: "POST",
        path: "/admin/api/web_hooks.json",
        body: { web_hook: { content_type: 1, ...input } },
        signal: options?.signal,
      }),
    updateWebhook: (id, input, options) =>
      call({ method: "PUT", path: `/admin/api/web_hooks/${id}.json`, body: { web_hook: input }, signal: options?.signal }),
    listWebhookEvents: (hookId, params = {}, options) =>
      call({
        method: "GET",
        path: `/admin/api/web_hook_events/${hookId}.json`,
        query: { status: params.status, offset: params.offset },
        signal: options?.signal,
      }),
    redeliverWebhookEvent: (hookId, eventId, options) =>
      call({
        method: "POST",
        path: `/admin/api/web_hooks/${hookId}/events/${eventId}/redeliver`,
        signal: options?.signal,
      }),
    redeliverFailed: (hookId, options) =>
      call({ method: "POST", path: `/admin/api/web_hooks/${hookId}/events/failed_redeliver`, signal: options?.signal }),
  };
}
