import type { PmReplyContext } from "../../../plugins/app/types.ts";
import { escapeMarkdownInline } from "../../../plugins/markdown/escape-markdown.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { askOwners } from "../join/ask-owners.ts";
import { addToGroup, joinGroup } from "../join/join-group.ts";
import { addExclusion, memberState, updateMemberState } from "../store/member-state.ts";
import { fill } from "./messages.ts";
import type { GroupsReply } from "./parse-reply.ts";
import { rankForMember } from "./rank-for-member.ts";
import { renderItems } from "./render-offer.ts";
import { sendOffer } from "./send-offer.ts";

/**
 * Answers a member's peer-groups words. "groups" works in any Kindred thread; the rest only in this
 * bot's own threads (returns false elsewhere, so the thread's owner can read them).
 */
export async function handleGroupsReply(ctx: PmReplyContext, deps: PeerGroupsDeps, reply: GroupsReply): Promise<boolean> {
  const userId = ctx.post.user_id;
  const mine = ctx.thread?.bot === ctx.bot;
  const key = `peer-groups-reply-${ctx.post.id}`;
  const answer = (raw: string) => ctx.reply(raw, key);
  if (reply.kind === "groups") {
    await sendOffer(ctx, deps, userId, "asked", mine ? (raw, k) => ctx.reply(raw, k) : undefined);
    return true;
  }
  if (!mine) return false;
  const state = await memberState(ctx.db, userId);
  const now = ctx.clock.now();
  const pending = state.pending;
  switch (reply.kind) {
    case "join":
      await joinGroup(ctx, deps, state, reply.number, reply.confirmed);
      return true;
    case "decline": {
      const name = state.offer[reply.number - 1];
      const index = name === undefined ? undefined : deps.compiled(now).byName.get(name.toLowerCase());
      if (name === undefined || index === undefined) {
        await answer(fill(deps.messages.unknownNumber, { number: reply.number }));
        return true;
      }
      await addExclusion(ctx.db, userId, name, "declined", now);
      await answer(fill(deps.messages.declined, { title: escapeMarkdownInline(deps.compiled(now).groups[index].group.title) }));
      return true;
    }
    case "more":
      await showMore(ctx, deps, state.offer, state.shown, key);
      return true;
    case "not-now":
      await updateMemberState(ctx.db, userId, { not_now_at: now, pending: null });
      await answer(deps.messages.notNow);
      return true;
    case "yes":
    case "ask-for-me":
      if (pending?.action === "confirm-join" && reply.kind === "yes") await addToGroup(ctx, deps, state, pending.group, key);
      else if (pending?.action === "ask-owners") await askOwners(ctx, deps, pending.group);
      else await answer(deps.messages.nothingPending);
      return true;
    case "no":
      if (!pending) return false;
      if (pending.action === "confirm-join") {
        await addExclusion(ctx.db, userId, pending.group, "declined", now);
      }
      await updateMemberState(ctx.db, userId, { pending: null });
      await answer(deps.messages.cancelled);
      return true;
  }
}

/** "more": the next page of the numbered list, skipping groups that filled up or were ruled out since. */
async function showMore(ctx: PmReplyContext, deps: PeerGroupsDeps, offer: readonly string[], shown: number, key: string): Promise<void> {
  const userId = ctx.post.user_id;
  if (!(await ctx.members.maySend(userId, ctx.bot, ctx.clock.now()))) return;
  const { suggestions } = await rankForMember(ctx, deps, userId, deps.settings.maxOffered + offer.length);
  const reasons = new Map(suggestions.map((s) => [s.name, s.reasons]));
  const items: Array<{ number: number; name: string; reasons: readonly string[] }> = [];
  let next = shown;
  for (; next < offer.length && items.length < deps.settings.perPage; next++) {
    const why = reasons.get(offer[next]);
    if (why) items.push({ number: next + 1, name: offer[next], reasons: why });
  }
  if (items.length === 0) {
    await ctx.reply(deps.messages.noMore, key);
    return;
  }
  await updateMemberState(ctx.db, userId, { shown: next });
  await ctx.reply(`${renderItems(deps.compiled(ctx.clock.now()), deps.messages, ctx.forumUrl, items)}\n\n${fill(deps.messages.howToReply, { first: items[0].number })}`, key);
}
