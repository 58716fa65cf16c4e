import type { BaseContext } from "../../../plugins/app/types.ts";
import { fill } from "../conversation/messages.ts";
import { rankForMember } from "../conversation/rank-for-member.ts";
import { renderOffer } from "../conversation/render-offer.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import type { StageKey } from "../catalogue/vocabulary.ts";
import { daysSince, describeDays, isLaterStage, stageForDays } from "../profile/recovery-stage.ts";
import { updateMemberState } from "../store/member-state.ts";

const DAY_MS = 86_400_000;

/**
 * Looks for members whose time in recovery (from the sobriety date they gave) has crossed into a
 * new band, and sends each ONE suggestion of a group for the new stage — never more than one such
 * message in `bandMessageMinDays`. A crossing that cannot be told yet (quiet, or too soon) waits for
 * a later sweep; after "not now" it is noted silently.
 */
export async function bandSweep(ctx: BaseContext, deps: PeerGroupsDeps): Promise<{ sent: number }> {
  const now = ctx.clock.now();
  const minGap = deps.settings.bandMessageMinDays * DAY_MS;
  const rows = await ctx.db.selectFrom("peer_group_members").select(["user_id", "stage", "band_message_at", "not_now_at", "offer_no"]).execute();
  let sent = 0;
  for (const row of rows) {
    // Only the date is read first: ranking (which may ask the forum for a time zone) waits for a crossing.
    const days = daysSince((await deps.profiles(ctx.db, row.user_id))?.sobrietyDate, now);
    if (days === undefined) continue;
    const stage = stageForDays(days);
    if (!isLaterStage(stage, (row.stage ?? undefined) as StageKey | undefined)) continue;
    if (row.stage === null) {
      await updateMemberState(ctx.db, row.user_id, { stage });
      continue;
    }
    if (row.band_message_at && now.getTime() - new Date(row.band_message_at).getTime() < minGap) continue;
    if (!(await ctx.members.maySend(row.user_id, ctx.bot, now))) continue;
    const member = await ctx.members.get(row.user_id);
    const { suggestions } = row.not_now_at || !member ? { suggestions: [] } : await rankForMember(ctx, deps, row.user_id, deps.settings.maxOffered);
    const catalogue = deps.compiled(now);
    const pick = suggestions.find((s) => catalogue.groups[s.index].group.for.stages.includes(stage));
    if (row.not_now_at || !member || !pick) {
      await updateMemberState(ctx.db, row.user_id, { stage });
      continue;
    }
    const offerNo = row.offer_no + 1;
    const intro = fill(deps.messages.bandIntro, { days: describeDays(days) });
    await ctx.sendPrivateMessage({
      to: [member.username],
      title: fill(deps.messages.bandTitle, {}),
      raw: renderOffer(catalogue, deps.messages, ctx.forumUrl, [{ number: 1, name: pick.name, reasons: pick.reasons }], intro),
      idempotencyKey: `peer-groups-offer-${row.user_id}-${offerNo}`,
      memberId: row.user_id,
      kind: "band",
    });
    await updateMemberState(ctx.db, row.user_id, { stage, band_message_at: now, offer: [pick.name], shown: 1, offer_no: offerNo, pending: null });
    sent++;
  }
  return { sent };
}
