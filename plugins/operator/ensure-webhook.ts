import { connectForumWebhook } from "../runtime/connect-forum-webhook.ts";
import { EVENT_TYPE_IDS } from "../webhooks/event-type-ids.ts";
import type { CheckItem } from "./checklist.ts";
import type { OperatorClient } from "./operator-client.ts";

export interface WebhookState {
  id?: number;
  items: CheckItem[];
}

/**
 * Creates or updates Kindred's webhook (the one whose payload URL is Kindred's) through the same
 * `connectForumWebhook` sandbox mode uses, and writes nothing when it already matches: same events,
 * JSON, active, no category filter, and the same secret where the forum shows it.
 */
export async function ensureWebhook(client: OperatorClient, options: { payloadUrl: string; secret: string; apply: boolean }): Promise<WebhookState> {
  const hooks = (await client.admin.listWebhooks()).web_hooks;
  const existing = hooks.find((hook) => hook.payload_url === options.payloadUrl);
  const wanted = new Set(client.registry.events.map((name) => EVENT_TYPE_IDS[name]));
  const items: CheckItem[] = [];
  for (const other of hooks) {
    if (other !== existing && other.payload_url.endsWith("/webhooks/discourse")) {
      items.push({ status: "todo", area: "webhook", line: `webhook ${other.id} delivers to ${other.payload_url}: delete it if that is an old address of this Kindred (events would arrive twice)` });
    }
  }
  const matches =
    existing?.active === true &&
    !existing.wildcard_web_hook &&
    existing.content_type === 1 &&
    (existing.category_ids ?? existing.categories ?? []).length === 0 &&
    (existing.secret === undefined || existing.secret === options.secret) &&
    existing.web_hook_event_types.length === wanted.size &&
    existing.web_hook_event_types.every((t) => wanted.has(t.id));
  const what = `${options.payloadUrl}, JSON, ${wanted.size} events, no category filter`;
  if (existing && matches) return { id: existing.id, items: [{ status: "ok", area: "webhook", line: `webhook ${existing.id} is up to date (${what})` }, ...items] };
  if (!options.apply) {
    const line = existing ? `webhook ${existing.id} differs from what Kindred needs (${what}): run kindred setup` : `no webhook delivers to ${options.payloadUrl}: run kindred setup`;
    return { id: existing?.id, items: [{ status: "fail", area: "webhook", line }, ...items] };
  }
  const id = await connectForumWebhook(client, { payloadUrl: options.payloadUrl, secret: options.secret, verifyCertificate: options.payloadUrl.startsWith("https:") });
  return { id, items: [{ status: "done", area: "webhook", line: `${existing ? "updated" : "created"} webhook ${id}: ${what}` }, ...items] };
}
