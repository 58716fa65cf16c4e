/**
 * The admin webhook API (`/admin/api/web_hooks*`, `/admin/api/web_hook_events/:id`): absent from the spec,
 * typed from `app/controllers/admin/web_hooks_controller.rb` and its serializers (DISCOURSE.md §1.2, §1.3).
 */

/** `last_delivery_status` values. */
export const WEBHOOK_DELIVERY_STATUS = Object.freeze({ inactive: 1, failed: 2, successful: 3, disabled: 4 });

/** `content_type` values: always use JSON (the body is JSON either way). */
export const WEBHOOK_CONTENT_TYPE = Object.freeze({ json: 1, form: 2 });

export interface WebhookEventType {
  id: number;
  name: string;
  group?: string;
}

/** `AdminWebHookSerializer`. The secret is never sent back by Discourse. */
export interface Webhook {
  id: number;
  payload_url: string;
  content_type: number;
  last_delivery_status: number;
  secret?: string;
  wildcard_web_hook: boolean;
  verify_certificate: boolean;
  active: boolean;
  web_hook_event_types: WebhookEventType[];
  categories?: { id: number; name?: string }[];
  category_ids?: number[];
  tag_names?: string[];
  group_ids?: number[];
  created_at?: string;
  updated_at?: string;
}

export interface ListWebhooksResponse {
  web_hooks: Webhook[];
  total_rows_web_hooks?: number;
  load_more_web_hooks?: string;
  extras?: Record<string, unknown>;
}

export interface WebhookResponse {
  web_hook: Webhook;
}

/** What `createWebhook` / `updateWebhook` send (as `{ web_hook: … }`). */
export interface WebhookInput {
  payload_url: string;
  /** 12 characters at least. */
  secret?: string;
  /** @defaultValue 1 (application/json) */
  content_type?: number;
  wildcard_web_hook?: boolean;
  active?: boolean;
  verify_certificate?: boolean;
  web_hook_event_type_ids?: number[];
  category_ids?: number[];
  tag_names?: string[];
  group_ids?: number[];
}

/** `AdminWebHookEventSerializer`: one delivery attempt. `payload` holds forum content: never log it. */
export interface WebhookEvent {
  id: number;
  web_hook_id?: number;
  /** HTTP status of our answer; -1 when the delivery failed at the transport level. */
  status: number;
  duration?: number;
  headers?: string;
  payload?: string;
  response_headers?: string;
  response_body?: string;
  created_at: string;
  redelivering?: boolean;
}

/** `GET /admin/api/web_hook_events/:id.json` (50 per page). */
export interface WebhookEventsResponse {
  web_hook_events: WebhookEvent[];
  total_rows_web_hook_events: number;
  load_more_web_hook_events?: string;
  extras?: { web_hook_id?: number };
}

export interface RedeliverWebhookEventResponse {
  web_hook_event: WebhookEvent;
}

/** `POST /admin/api/web_hooks/:id/events/failed_redeliver`: queues every failed event of the hook. */
export interface RedeliverFailedResponse {
  event_ids?: number[];
}
