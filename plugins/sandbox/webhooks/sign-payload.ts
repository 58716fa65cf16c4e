import { createHmac } from "node:crypto";

/**
 * `X-Discourse-Event-Signature` exactly as Discourse computes it in emit_web_hook_event.rb:
 * `"sha256=" + OpenSSL::HMAC.hexdigest("sha256", secret, body)` over the raw body bytes.
 */
export function signPayload(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}
