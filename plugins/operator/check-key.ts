import { DiscourseApiError, DiscourseHttpError } from "../discourse/index.ts";
import { CliError, EXIT } from "../cli/cli-io.ts";
import type { CheckItem } from "./checklist.ts";
import type { OperatorClient } from "./operator-client.ts";

const NEW_KEY = 'Admin → API → Keys → New API key, User Level "All Users", Scope "Global"';

/**
 * Checks the admin API key works and may write, without changing anything: a read of the webhook
 * list, then a write to a webhook id that cannot exist. Discourse checks a key's scope before the
 * route runs, so a read-only key answers 403 there while a writing key gets 404.
 * Throws a one-line {@link CliError} (exit 2 for the key, 3 when the forum does not answer).
 */
export async function checkKey(client: OperatorClient): Promise<CheckItem[]> {
  const { admin, forumUrl, config } = client;
  try {
    await admin.listWebhooks();
  } catch (error) {
    throw keyError(error, forumUrl, `the forum refused the API key for admin reads as "${config.apiUsername}": create an admin key (${NEW_KEY})`);
  }
  try {
    await admin.updateWebhook(0, {});
  } catch (error) {
    if (error instanceof DiscourseApiError && error.status === 404) {
      return [{ status: "ok", area: "API key", line: `works for admin reads and writes as ${config.apiUsername}` }];
    }
    throw keyError(error, forumUrl, `the API key is read-only: Kindred must write (create its webhook, flag posts, send PMs) — create a key with write access (${NEW_KEY})`);
  }
  // A write to a webhook that cannot exist succeeded: nothing sensible to conclude, but writes work.
  return [{ status: "ok", area: "API key", line: `works for admin reads and writes as ${config.apiUsername}` }];
}

/** The one line for a failed key check. */
export function keyError(error: unknown, forumUrl: string, refused: string): CliError {
  if (error instanceof DiscourseApiError && (error.status === 401 || error.status === 403)) return new CliError(`[setup] ${refused}`, EXIT.config);
  if (error instanceof DiscourseHttpError) return new CliError(`[setup] the forum at ${forumUrl} did not answer: ${error.message}`, EXIT.unavailable);
  if (error instanceof DiscourseApiError) return new CliError(`[setup] the forum answered ${error.status} to ${error.method} ${error.path}`, EXIT.failure);
  return new CliError(`[setup] ${error instanceof Error ? error.message : String(error)}`, EXIT.failure);
}
