import { createHmac } from "node:crypto";

/** Signs a body exactly as Discourse does: `sha256=` + lowercase hex HMAC-SHA256 of the raw bytes. */
export function sign(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** The headers Discourse sends with a delivery (emit_web_hook_event.rb build_webhook_headers). */
export function deliveryHeaders(secret: string, body: string, event: string, type: string, id = 1): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "User-Agent": "Discourse/3.4.0",
    "X-Discourse-Instance": "http://forum.example",
    "X-Discourse-Event-Id": String(id),
    "X-Discourse-Event-Type": type,
    "X-Discourse-Event": event,
    "X-Discourse-Event-Signature": sign(secret, body),
  };
}
