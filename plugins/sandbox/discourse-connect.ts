import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * DiscourseConnect payload handling as Discourse's DiscourseConnectBase / DiscourseConnectProvider
 * do it (lib/discourse_connect_base.rb, lib/discourse_connect_provider.rb): `sso` is the Base64
 * of a query string, `sig` the hex HMAC-SHA256 of that Base64 text with the shared secret.
 */

/** DiscourseConnectBase::ACCESSORS, in the order `to_h` (and so the payload) lists them. */
export const ACCESSORS = [
  "add_groups", "admin", "avatar_force_update", "avatar_url", "bio", "card_background_url", "confirmed_2fa",
  "email", "external_id", "failed", "groups", "locale", "locale_force_update", "location", "logout",
  "moderator", "name", "no_2fa_methods", "nonce", "prompt", "profile_background_url", "remove_groups",
  "require_2fa", "require_activation", "return_sso_url", "suppress_welcome_message", "title", "username", "website",
] as const;

/** `OpenSSL::HMAC.hexdigest("sha256", secret, payload)`. */
export function signSso(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload, "utf8").digest("hex");
}

/** Decodes the Base64 `sso` field into its key/value pairs; throws when it is not Base64. */
export function decodeSso(sso: string): URLSearchParams {
  if (/[^a-zA-Z0-9=\r\n/+]/.test(sso)) throw new Error("[sandbox] sso is not Base64");
  return new URLSearchParams(Buffer.from(sso, "base64").toString("utf8"));
}

/** Whether `sig` is the HMAC of `sso` under `secret` (constant-time compare). */
export function validSignature(sso: string, sig: string, secret: string): boolean {
  const expected = Buffer.from(signSso(sso, secret), "utf8");
  const given = Buffer.from(sig, "utf8");
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** `WildcardDomainChecker.check_domain`: `*` and `*.example.com` patterns, case-insensitive. */
function domainMatches(pattern: string, host: string): boolean {
  const escaped = pattern.trim().toLowerCase().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`).test(host.toLowerCase());
}

/**
 * `DiscourseConnectProvider.lookup_sso_secret`: the secret configured for the return URL's host
 * (`discourse_connect_provider_secrets`, lines of `domain|secret`), preferring one whose signature
 * matches; undefined when no domain matches.
 */
export function lookupSecret(secrets: string, returnUrl: string, sso: string, sig: string): string | undefined {
  let host: string;
  try {
    host = new URL(returnUrl).hostname;
  } catch {
    return undefined;
  }
  const pairs = secrets
    .split("\n")
    .map((row) => row.split("|", 2))
    .filter((pair): pair is [string, string] => pair.length === 2 && pair[1].length > 0)
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  let firstMatch: string | undefined;
  for (const [domain, secret] of pairs) {
    if (!domainMatches(domain, host)) continue;
    firstMatch ??= secret;
    if (validSignature(sso, sig, secret)) return secret;
  }
  return firstMatch;
}

/** `sso.to_url(return_sso_url)`: the fields in ACCESSORS order, Base64-encoded and signed. */
export function buildReturnUrl(returnUrl: string, fields: Record<string, string | boolean>, secret: string): string {
  const query = new URLSearchParams();
  for (const key of ACCESSORS) {
    const value = fields[key];
    if (value !== undefined) query.append(key, String(value));
  }
  const payload = Buffer.from(query.toString(), "utf8").toString("base64");
  const signed = new URLSearchParams({ sso: payload, sig: signSso(payload, secret) });
  return `${returnUrl}${returnUrl.includes("?") ? "&" : "?"}${signed.toString()}`;
}
