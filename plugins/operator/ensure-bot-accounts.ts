import { randomBytes } from "node:crypto";
import { DiscourseApiError, type BoundClient } from "../discourse/index.ts";
import type { CheckItem, Confirm } from "./checklist.ts";
import { keyError } from "./check-key.ts";
import type { OperatorClient } from "./operator-client.ts";

type ForumUser = { id: number; moderator?: boolean; admin?: boolean };

/**
 * Each account in `accounts` exists and is staff (Discourse caps non-staff at 20 PMs and 20 flags a
 * day), creating or promoting it when allowed; then checks the key may act as it ("All Users").
 */
export async function ensureBotAccounts(client: OperatorClient, options: { apply: boolean; confirm: Confirm }): Promise<CheckItem[]> {
  const items: CheckItem[] = [];
  const forumHost = new URL(client.forumUrl).hostname;
  for (const username of [...new Set(Object.values(client.config.accounts))]) {
    let user = await findUser(client.admin, username);
    if (!user) {
      if (!options.apply || !(await options.confirm(`Create the bot account "${username}" on the forum?`))) {
        items.push({ status: options.apply ? "todo" : "fail", area: "accounts", line: `${username} does not exist on the forum: create it and make it a moderator` });
        continue;
      }
      await client.admin.createUser({
        username,
        name: "Kindred",
        // The account signs in only through the API key; the password is thrown away and the address
        // is on a reserved domain so Discourse never mails a stranger.
        email: `${username}@bots.${forumHost}.invalid`,
        password: randomBytes(24).toString("base64url"),
        active: true,
        approved: true,
      });
      user = await findUser(client.admin, username);
      if (!user) throw new Error(`[setup] the forum did not create ${username}`);
      items.push({ status: "done", area: "accounts", line: `created the bot account ${username}` });
    }
    if (!user.moderator && !user.admin) {
      if (options.apply && (await options.confirm(`Make "${username}" a moderator (bots need it: Discourse caps others at 20 PMs and 20 flags a day)?`))) {
        await client.admin.grantModeration(user.id);
        items.push({ status: "done", area: "accounts", line: `made ${username} a moderator` });
      } else {
        items.push({ status: options.apply ? "todo" : "fail", area: "accounts", line: `${username} is not a moderator: Discourse caps it at 20 PMs and 20 flags a day (Admin → Users → ${username} → Grant Moderation)` });
      }
    } else {
      items.push({ status: "ok", area: "accounts", line: `${username} exists and is ${user.admin ? "an admin" : "a moderator"}` });
    }
    try {
      await client.services.client(username, "maintenance").getUser(username);
    } catch (error) {
      throw keyError(error, client.forumUrl, `the API key may not act as ${username}: Kindred acts as its bot accounts, so the key needs User Level "All Users"`);
    }
  }
  return items;
}

async function findUser(admin: BoundClient, username: string): Promise<ForumUser | undefined> {
  try {
    const { user } = await admin.getUser(username);
    return user as unknown as ForumUser;
  } catch (error) {
    if (error instanceof DiscourseApiError && error.status === 404) return undefined;
    throw error;
  }
}
