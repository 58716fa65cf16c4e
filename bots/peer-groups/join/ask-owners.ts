import type { PmReplyContext } from "../../../plugins/app/types.ts";
import { escapeMarkdownInline } from "../../../plugins/markdown/escape-markdown.ts";
import { fill } from "../conversation/messages.ts";
import { groupLink } from "../conversation/render-offer.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { updateMemberState } from "../store/member-state.ts";

/**
 * With the member's consent ("ask for me"), tells a request-only group's owners that the member
 * would like to join. Only their username goes to the owners, and the member is told it was done.
 * Kindred does not file the forum's own membership request: that is the member's action.
 */
export async function askOwners(ctx: PmReplyContext, deps: PeerGroupsDeps, group: string): Promise<void> {
  const { messages } = deps;
  const key = `peer-groups-ask-${ctx.post.id}`;
  const catalogue = deps.compiled(ctx.clock.now());
  const index = catalogue.byName.get(group.toLowerCase());
  if (index === undefined) return;
  const g = catalogue.groups[index].group;
  const link = groupLink(ctx.forumUrl, g.name);
  const page = (await ctx.discourse.listGroupMembers(g.name, { limit: 50 })) as { owners?: Array<{ username: string }> };
  const owners = (page.owners ?? []).map((o) => o.username).filter((u) => !ctx.botUsernames.has(u.toLowerCase()));
  if (owners.length === 0) {
    await ctx.reply(fill(messages.requestHowTo, { title: escapeMarkdownInline(g.title), link }), key);
    return;
  }
  const username = ctx.post.username;
  await ctx.sendPrivateMessage({
    to: owners,
    title: fill(messages.ownersTitle, { group: g.name }),
    raw: fill(messages.ownersMessage, { username: escapeMarkdownInline(username), profile: `${ctx.forumUrl}/u/${encodeURIComponent(username)}`, title: escapeMarkdownInline(g.title), link }),
    idempotencyKey: `peer-groups-owners-${ctx.post.user_id}-${g.name}`,
    kind: "owners-request",
  });
  await ctx.db
    .insertInto("peer_group_requests")
    .values({ user_id: ctx.post.user_id, group_name: g.name, via: "owners", at: ctx.clock.now() })
    .onConflict((oc) => oc.columns(["user_id", "group_name"]).doUpdateSet({ via: "owners" }))
    .execute();
  await updateMemberState(ctx.db, ctx.post.user_id, { pending: null });
  await ctx.reply(fill(messages.askedOwners, { title: escapeMarkdownInline(g.title), link }), key);
}
