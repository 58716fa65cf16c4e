import type { WebhookEvent } from "../discourse/index.ts";
import type { CheckItem } from "./checklist.ts";
import type { OperatorClient } from "./operator-client.ts";

const DAY_MS = 86_400_000;
/** At most this many pages (50 events each) are read: the budget is shared with the bots. */
const MAX_PAGES = 10;
/** At most this many redeliveries per run, for the same reason; run doctor again for more. */
const MAX_REDELIVERIES = 50;

/** Failed deliveries of the last 24 h, newest first, read from the forum's webhook event log. */
export async function failedDeliveries(client: OperatorClient, hookId: number, now: Date): Promise<WebhookEvent[]> {
  const since = now.getTime() - DAY_MS;
  const failed: WebhookEvent[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const { web_hook_events: events } = await client.admin.listWebhookEvents(hookId, { status: "failed", offset: page * 50 });
    const recent = events.filter((e) => Date.parse(e.created_at) >= since);
    failed.push(...recent);
    if (events.length < 50 || recent.length < events.length) break;
  }
  return failed;
}

/**
 * Webhook delivery health for `kindred doctor`: failed deliveries in the last 24 h by status, and
 * with `redeliver` each is sent again (same body and signature; Kindred drops duplicates by content,
 * so a redelivery of something that did arrive changes nothing). Payloads are never printed.
 */
export async function webhookHealth(client: OperatorClient, hookId: number, options: { now: Date; redeliver: boolean }): Promise<CheckItem[]> {
  const failed = await failedDeliveries(client, hookId, options.now);
  if (failed.length === 0) return [{ status: "ok", area: "deliveries", line: "no failed webhook deliveries in the last 24 h" }];
  const byStatus = new Map<string, number>();
  for (const e of failed) {
    const key = e.status === -1 ? "no answer (-1)" : String(e.status);
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  const summary = [...byStatus].map(([status, n]) => `${n} × ${status}`).join(", ");
  const items: CheckItem[] = [];
  if (!options.redeliver) {
    items.push({ status: "todo", area: "deliveries", line: `${failed.length} failed webhook deliveries in the last 24 h (${summary}): run kindred doctor --redeliver` });
    return items;
  }
  let delivered = 0;
  const tried = failed.slice(0, MAX_REDELIVERIES);
  for (const event of tried) {
    const { web_hook_event: again } = await client.admin.redeliverWebhookEvent(hookId, event.id);
    if (again.status >= 200 && again.status < 300) delivered++;
  }
  const rest = failed.length - tried.length;
  items.push({
    status: delivered === tried.length ? "done" : "fail",
    area: "deliveries",
    line: `redelivered ${delivered} of ${tried.length} failed deliveries from the last 24 h (${summary})${rest > 0 ? `; ${rest} more: run again` : ""}`,
  });
  return items;
}
