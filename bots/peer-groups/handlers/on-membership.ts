import type { EventContext } from "../../../plugins/app/types.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { recordJoined, recordLeft } from "../store/group-counts.ts";
import { addExclusion } from "../store/member-state.ts";
import { catalogueGroupForId } from "./group-names.ts";

/**
 * `user_added_to_group`: keeps Kindred's count and member list in step with the forum, including
 * people moderators added by hand (they take seats too).
 */
export async function onAddedToGroup(ctx: EventContext<"user_added_to_group">, deps: PeerGroupsDeps): Promise<void> {
  const { group_id: groupId, user_id: userId } = ctx.payload.group_user;
  const name = await catalogueGroupForId(ctx, deps, groupId);
  if (name) await recordJoined(ctx.db, name, userId, "forum", ctx.clock.now());
}

/**
 * `user_removed_from_group`: frees the seat, and Kindred never suggests that group to them again,
 * whether they left or a moderator removed them (the payload does not say which).
 */
export async function onRemovedFromGroup(ctx: EventContext<"user_removed_from_group">, deps: PeerGroupsDeps): Promise<void> {
  const { group_id: groupId, user_id: userId } = ctx.payload.group_user;
  const name = await catalogueGroupForId(ctx, deps, groupId);
  if (!name) return;
  await recordLeft(ctx.db, name, userId);
  await addExclusion(ctx.db, userId, name, "removed", ctx.clock.now());
}
