import { canonicalEventName, type EventName } from "./event-map.ts";
import { WebhookError } from "./webhook-error.ts";

export type Delivery =
  | { kind: "ping" }
  | { kind: "unknown"; deliveredAs: string }
  | { kind: "event"; name: EventName; deliveredAs: string; type: string; payload: Record<string, unknown> };

/** Turns verified bytes and headers into a typed delivery; bad JSON or a missing header is a 400. */
export function parseDelivery(rawBody: string, headers: { event?: string; type?: string }): Delivery {
  const deliveredAs = headers.event?.trim();
  if (!deliveredAs) throw new WebhookError(400, "required header missing: X-Discourse-Event");
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new WebhookError(400, "body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new WebhookError(400, "body is not a JSON object");
  if (deliveredAs === "ping") return { kind: "ping" };
  const name = canonicalEventName(deliveredAs);
  if (!name) return { kind: "unknown", deliveredAs };
  const record = body as Record<string, unknown>;
  const type = headers.type?.trim() || Object.keys(record)[0] || "";
  if (typeof record[type] !== "object" || record[type] === null) {
    throw new WebhookError(400, `body has no "${type}" object for ${deliveredAs}`);
  }
  return { kind: "event", name, deliveredAs, type, payload: record };
}
