import type { SandboxContext } from "../context.ts";
import { unprocessable } from "../errors.ts";
import { canMessageGroup, isStaff } from "../guardian.ts";
import { findGroupByName, findUserByUsername, setting } from "../state.ts";
import type { GroupRecord, UserRecord } from "../types.ts";

function fail(message: string): never {
  throw unprocessable([message], { action: "create_post" });
}

/**
 * Splits `target_recipients` as posts_controller.rb does: each name that is a group the sender
 * may message (`Group.messageable`) becomes a group recipient; everything else is a username,
 * and a name that is neither fails the whole PM. So a group the sender cannot message fails too.
 */
export function resolveRecipients(
  ctx: SandboxContext,
  sender: UserRecord,
  targetRecipients: unknown,
): { users: UserRecord[]; groups: GroupRecord[] } {
  const names = String(targetRecipients ?? "")
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
  if (names.length === 0) fail("You must select a valid user.");
  const max = Number(setting(ctx.state, "max_allowed_message_recipients"));
  if (names.length > max && !isStaff(sender)) fail(`Sorry, you can't send a message to more than ${max} recipients.`);
  const users: UserRecord[] = [];
  const groups: GroupRecord[] = [];
  for (const name of names) {
    const group = findGroupByName(ctx.state, name);
    if (group && canMessageGroup(ctx, group, sender)) {
      if (!groups.includes(group)) groups.push(group);
      continue;
    }
    const user = findUserByUsername(ctx.state, name);
    if (!user) fail("One of the users you are sending this message to could not be found.");
    if (user.suspendedTill && new Date(user.suspendedTill) > ctx.now() && !isStaff(sender)) {
      fail(`Sorry, you can't send a message to ${user.username}.`);
    }
    if (!users.includes(user) && user.id !== sender.id) users.push(user);
  }
  return { users, groups };
}
