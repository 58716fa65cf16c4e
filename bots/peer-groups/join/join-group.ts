import type { PmReplyContext } from "../../../plugins/app/types.ts";
import { DiscourseApiError } from "../../../plugins/discourse/index.ts";
import { escapeMarkdownInline } from "../../../plugins/markdown/escape-markdown.ts";
import { membersSeenByOthers } from "../catalogue/vocabulary.ts";
import { fill } from "../conversation/messages.ts";
import { groupLink } from "../conversation/render-offer.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { loadSizes, recordJoined, setForumCount } from "../store/group-counts.ts";
import { excludedGroups, type MemberState, updateMemberState } from "../store/member-state.ts";
import { releaseSeat, reserveSeat } from "./reserve-seat.ts";

/**
 * "join N": adds the member to the N-th group they were offered, or says what happens instead.
 * Kindred adds only to `bot_adds` and `public` groups, after telling the member when others can see
 * the member list; for `request` groups it never asks in the member's name unless they say so.
 */
export async function joinGroup(ctx: PmReplyContext, deps: PeerGroupsDeps, state: MemberState, number: number, confirmed: boolean): Promise<void> {
  const { messages } = deps;
  const key = `peer-groups-join-${ctx.post.id}`;
  const userId = ctx.post.user_id;
  const now = ctx.clock.now();
  const catalogue = deps.compiled(now);
  const name = state.offer[number - 1];
  const index = name === undefined ? undefined : catalogue.byName.get(name.toLowerCase());
  if (name === undefined || index === undefined || number > Math.max(state.shown, 1)) {
    await ctx.reply(fill(messages.unknownNumber, { number }), key);
    return;
  }
  const compiled = catalogue.groups[index];
  const g = compiled.group;
  const vars = { title: escapeMarkdownInline(g.title), link: groupLink(ctx.forumUrl, g.name) };
  if ((await excludedGroups(ctx.db, userId)).has(g.name.toLowerCase())) {
    const member = await ctx.db.selectFrom("peer_group_memberships").select("user_id").where("group_name", "=", g.name).where("user_id", "=", userId).executeTakeFirst();
    const requested = await ctx.db.selectFrom("peer_group_requests").select("via").where("group_name", "=", g.name).where("user_id", "=", userId).executeTakeFirst();
    if (!member && !requested) {
      await ctx.reply(fill(messages.unavailable, vars), key);
      return;
    }
    if (member) {
      await ctx.reply(fill(messages.alreadyIn, vars), key);
      return;
    }
  }
  if (g.join === "request") {
    await ctx.db
      .insertInto("peer_group_requests")
      .values({ user_id: userId, group_name: g.name, via: "link", at: now })
      .onConflict((oc) => oc.columns(["user_id", "group_name"]).doNothing())
      .execute();
    await updateMemberState(ctx.db, userId, { pending: { action: "ask-owners", group: g.name } });
    await ctx.reply(fill(messages.requestHowTo, vars), key);
    return;
  }
  if (membersSeenByOthers(g.membersVisibleTo) && !confirmed) {
    await updateMemberState(ctx.db, userId, { pending: { action: "confirm-join", group: g.name } });
    await ctx.reply(fill(messages.confirmVisible, vars), key);
    return;
  }
  await addToGroup(ctx, deps, state, g.name, key);
}

/** Takes a seat (one transaction, forum count included) and adds the member through the API. */
export async function addToGroup(ctx: PmReplyContext, deps: PeerGroupsDeps, state: MemberState, name: string, key: string): Promise<void> {
  const { messages } = deps;
  const userId = ctx.post.user_id;
  const now = ctx.clock.now();
  const catalogue = deps.compiled(now);
  const compiled = catalogue.groups[catalogue.byName.get(name.toLowerCase()) ?? -1];
  if (!compiled) return;
  const vars = { title: escapeMarkdownInline(compiled.group.title), link: groupLink(ctx.forumUrl, name) };
  const forum = (await ctx.discourse.getGroup(name)).group as { id: number; user_count: number };
  await setForumCountIfHigher(ctx, name, forum, now);
  const outcome = await reserveSeat(ctx.db, { group: name, userId, capacity: compiled.capacity, forumCount: forum.user_count, at: now });
  if (outcome === "already") {
    await ctx.reply(fill(messages.alreadyIn, vars), key);
    return;
  }
  if (outcome === "full") {
    await offerSibling(ctx, deps, state, compiled.siblingSet, name, key);
    return;
  }
  try {
    await ctx.discourse.addGroupMembers(forum.id, [ctx.post.username]);
  } catch (error) {
    await releaseSeat(ctx.db, name, userId);
    if (error instanceof DiscourseApiError && error.status === 422 && /already/i.test(error.message + JSON.stringify(error.errors ?? []))) {
      await recordJoined(ctx.db, name, userId, "forum", now);
      await ctx.reply(fill(messages.alreadyIn, vars), key);
      return;
    }
    if (error instanceof DiscourseApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
      ctx.log.warn({ group: name, status: error.status }, "could not add a member to a group");
      await ctx.reply(messages.failed, key);
      return;
    }
    throw error;
  }
  await updateMemberState(ctx.db, userId, { pending: null });
  await ctx.reply(fill(messages.joined, vars), key);
}

/** The forum's count only ever raises Kindred's view here; the sync task lowers it. */
async function setForumCountIfHigher(ctx: PmReplyContext, name: string, forum: { id: number; user_count: number }, now: Date) {
  const row = await ctx.db.selectFrom("peer_groups").select(["member_count", "group_id"]).where("name", "=", name).executeTakeFirst();
  if (!row || row.group_id === null || forum.user_count > row.member_count) {
    await setForumCount(ctx.db, name, Math.max(forum.user_count, row?.member_count ?? 0), forum.id, now);
  }
}

/** When a group filled up: the emptiest sibling with room, added to the member's numbered list. */
async function offerSibling(ctx: PmReplyContext, deps: PeerGroupsDeps, state: MemberState, set: number, full: string, key: string): Promise<void> {
  const { messages } = deps;
  const catalogue = deps.compiled(ctx.clock.now());
  const title = escapeMarkdownInline(catalogue.groups[catalogue.byName.get(full.toLowerCase()) ?? 0].group.title);
  if (set < 0) {
    await ctx.reply(fill(messages.full, { title }), key);
    return;
  }
  const [sizes, excluded] = await Promise.all([loadSizes(ctx.db, catalogue), excludedGroups(ctx.db, ctx.post.user_id)]);
  const sibling = catalogue.siblingSets[set]
    .filter((i) => sizes[i] < catalogue.groups[i].capacity && !excluded.has(catalogue.groups[i].name.toLowerCase()))
    .sort((a, b) => sizes[a] - sizes[b] || a - b)[0];
  if (sibling === undefined) {
    await ctx.reply(fill(messages.full, { title }), key);
    return;
  }
  const siblingName = catalogue.groups[sibling].name;
  const existing = state.offer.indexOf(siblingName);
  const offer = existing >= 0 ? state.offer : [...state.offer, siblingName];
  const number = (existing >= 0 ? existing : offer.length - 1) + 1;
  await updateMemberState(ctx.db, ctx.post.user_id, { offer, shown: Math.max(state.shown, number) });
  await ctx.reply(
    fill(messages.fullSibling, { title, sibling: escapeMarkdownInline(catalogue.groups[sibling].group.title), siblingLink: groupLink(ctx.forumUrl, siblingName), number }),
    key,
  );
}
