import type { Services } from "../app/services.ts";
import type { EventName } from "../webhooks/event-map.ts";
import { EVENT_TYPE_IDS } from "../webhooks/event-type-ids.ts";

/** What connecting needs of a runtime (a whole `Runtime` fits; `kindred setup` passes less). */
export interface WebhookConnector {
  config: { apiUsername: string };
  registry: { events: readonly EventName[] };
  services: { client: Services["client"] };
}

/**
 * Creates, or brings up to date, the forum's webhook that feeds this Kindred: JSON content type,
 * exactly the events the enabled bots need, no category filter (PMs and user events have no
 * category, and a filter would drop them). Returns the webhook id.
 */
export async function connectForumWebhook(runtime: WebhookConnector, options: { payloadUrl: string; secret: string; verifyCertificate?: boolean }): Promise<number> {
  const admin = runtime.services.client(runtime.config.apiUsername, "maintenance");
  const wanted = {
    payload_url: options.payloadUrl,
    secret: options.secret,
    content_type: 1,
    wildcard_web_hook: false,
    active: true,
    verify_certificate: options.verifyCertificate ?? true,
    web_hook_event_type_ids: runtime.registry.events.map((name) => EVENT_TYPE_IDS[name]),
    category_ids: [],
  };
  const existing = (await admin.listWebhooks()).web_hooks.find((hook) => hook.payload_url === options.payloadUrl);
  if (existing) {
    await admin.updateWebhook(existing.id, wanted);
    return existing.id;
  }
  const created = (await admin.createWebhook(wanted)) as unknown as { web_hook?: { id: number }; id?: number };
  return created.web_hook?.id ?? created.id ?? 0;
}
