import type { BaseContext } from "../../../plugins/app/types.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { memberState, updateMemberState } from "../store/member-state.ts";
import { fill } from "./messages.ts";
import { rankForMember } from "./rank-for-member.ts";
import { renderOffer } from "./render-offer.ts";

export type OfferReason = "intake" | "asked";

/**
 * Sends the member ONE message with their first suggestions, numbered, with reasons, and remembers
 * the numbering for "join 2" and "more". Nothing goes out while they are quiet (open crisis) or
 * stopped, and after "not now" only when they ask again. Returns what happened.
 *
 * @param reply - answer in the thread the member wrote in, instead of opening a new one.
 */
export async function sendOffer(
  ctx: BaseContext,
  deps: PeerGroupsDeps,
  userId: number,
  reason: OfferReason,
  reply?: (raw: string, key: string) => Promise<void>,
): Promise<"sent" | "none" | "quiet" | "not-now" | "unknown"> {
  const now = ctx.clock.now();
  if (!(await ctx.members.maySend(userId, ctx.bot, now))) return "quiet";
  const member = await ctx.members.get(userId);
  if (!member) return "unknown";
  const state = await memberState(ctx.db, userId);
  if (reason !== "asked" && state.not_now_at) return "not-now";
  const { profile, suggestions } = await rankForMember(ctx, deps, userId, deps.settings.maxOffered);
  const offerNo = state.offer_no + 1;
  const key = `peer-groups-offer-${userId}-${offerNo}`;
  if (suggestions.length === 0) {
    if (reason === "asked") await (reply ? reply(deps.messages.noneFit, key) : send(ctx, deps, member.username, userId, deps.messages.noneFit, key));
    return "none";
  }
  const page = suggestions.slice(0, deps.settings.perPage).map((s, i) => ({ number: i + 1, name: s.name, reasons: s.reasons }));
  const raw = renderOffer(deps.compiled(now), deps.messages, ctx.forumUrl, page);
  if (reply) await reply(raw, key);
  else await send(ctx, deps, member.username, userId, raw, key);
  await updateMemberState(ctx.db, userId, {
    offer: suggestions.map((s) => s.name),
    shown: page.length,
    offer_no: offerNo,
    pending: null,
    stage: profile.stage ?? state.stage,
    ...(reason === "asked" ? { not_now_at: null } : {}),
  });
  return "sent";
}

async function send(ctx: BaseContext, deps: PeerGroupsDeps, username: string, userId: number, raw: string, key: string) {
  await ctx.sendPrivateMessage({ to: [username], title: fill(deps.messages.title, {}), raw, idempotencyKey: key, memberId: userId, kind: "suggestions" });
}
