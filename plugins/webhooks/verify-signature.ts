import { verify } from "@octokit/webhooks-methods";

/**
 * Checks `X-Discourse-Event-Signature` (`sha256=` + hex HMAC-SHA256 of the raw body) in constant time
 * against the current secret and, during a rotation, the previous one. Discourse's format is the same
 * as GitHub's `X-Hub-Signature-256`, so @octokit/webhooks-methods does the comparison.
 */
export async function verifySignature(secrets: readonly string[], rawBody: string, signature: string | undefined): Promise<boolean> {
  if (!signature || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return false;
  for (const secret of secrets) {
    if (await verify(secret, rawBody, signature.toLowerCase())) return true;
  }
  return false;
}
