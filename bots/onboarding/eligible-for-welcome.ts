import type { WebhookUser } from "../../plugins/webhooks/payloads.ts";

/**
 * Whether a new account gets a welcome: people, not Kindred's own accounts, Discourse's system users
 * (negative ids), staff, staged accounts (created by email-in) or suspended ones.
 */
export function eligibleForWelcome(user: WebhookUser, botUsernames: ReadonlySet<string>): boolean {
  if (typeof user?.id !== "number" || user.id <= 0 || !user.username) return false;
  if (botUsernames.has(user.username.toLowerCase())) return false;
  if (user.admin || user.moderator || user.staff === true || user.staged === true) return false;
  if (user.suspended_till && Date.parse(user.suspended_till) > 0) return false;
  return true;
}
