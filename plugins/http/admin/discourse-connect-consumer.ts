import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Kindred as a DiscourseConnect consumer, with the forum as provider. The format is Discourse's own
 * (lib/discourse_connect_base.rb): `sso` is the strict Base64 of a query string, `sig` the hex
 * HMAC-SHA256 of that Base64 text under the shared secret; the provider echoes our `nonce` and adds
 * `username`, `external_id`, `admin`, `moderator`, `groups` … (SessionController#sso_provider).
 */

/** `DiscourseConnectBase.sign`. */
export function signSso(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload, "utf8").digest("hex");
}

/** The forum URL that starts a sign-in: `/session/sso_provider?sso=…&sig=…`. */
export function signInUrl(options: { forumUrl: string; returnUrl: string; nonce: string; secret: string }): string {
  const payload = Buffer.from(new URLSearchParams({ nonce: options.nonce, return_sso_url: options.returnUrl }).toString(), "utf8").toString("base64");
  const query = new URLSearchParams({ sso: payload, sig: signSso(payload, options.secret) });
  return `${options.forumUrl.replace(/\/+$/, "")}/session/sso_provider?${query.toString()}`;
}

/** Who the forum says signed in. */
export interface ConnectIdentity {
  nonce: string;
  username: string;
  externalId: string;
  admin: boolean;
  moderator: boolean;
}

/**
 * Verifies and reads the provider's answer. Returns undefined for anything not signed with our
 * secret (checked in constant time, before anything is decoded), not Base64, or incomplete; the
 * caller refuses those without saying which check failed.
 */
export function readSignedAnswer(sso: unknown, sig: unknown, secret: string): ConnectIdentity | { failed: true; nonce: string } | undefined {
  if (typeof sso !== "string" || typeof sig !== "string" || sso === "" || !/^[0-9a-f]{64}$/.test(sig)) return undefined;
  const expected = Buffer.from(signSso(sso, secret), "utf8");
  const given = Buffer.from(sig, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  if (/[^a-zA-Z0-9=\r\n/+]/.test(sso)) return undefined;
  const fields = new URLSearchParams(Buffer.from(sso, "base64").toString("utf8"));
  const nonce = fields.get("nonce") ?? "";
  if (!nonce) return undefined;
  // `prompt=none` answers for a browser signed out of the forum come back with failed=true.
  if (fields.get("failed") === "true") return { failed: true, nonce };
  const username = fields.get("username") ?? "";
  const externalId = fields.get("external_id") ?? "";
  if (!username || !externalId) return undefined;
  return { nonce, username, externalId, admin: fields.get("admin") === "true", moderator: fields.get("moderator") === "true" };
}
