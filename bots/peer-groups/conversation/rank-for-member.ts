import type { BaseContext } from "../../../plugins/app/types.ts";
import type { PeerGroupsDeps } from "../deps.ts";
import { matchMember, type Suggestion } from "../match/match-member.ts";
import type { MatchProfile } from "../profile/match-profile.ts";
import { normalizeProfile } from "../profile/normalize-profile.ts";
import { syncGroups } from "../handlers/sync-groups.ts";
import { loadSizes } from "../store/group-counts.ts";
import { excludedGroups } from "../store/member-state.ts";

type Ctx = Pick<BaseContext, "db" | "discourse" | "clock" | "members" | "log">;

/** The catalogue words the member's public posts used (counts only). */
async function postTerms(ctx: Ctx, userId: number): Promise<Map<string, number> | undefined> {
  const row = await ctx.db.selectFrom("peer_group_interests").select("terms").where("user_id", "=", userId).executeTakeFirst();
  return row ? new Map(Object.entries(row.terms)) : undefined;
}

/**
 * The member's profile and their ranked groups right now: intake answers (their Discourse time zone
 * when the intake has none), their post words, Kindred's group sizes and what they must not be offered.
 */
export async function rankForMember(ctx: Ctx, deps: PeerGroupsDeps, userId: number, limit: number): Promise<{ profile: MatchProfile; suggestions: Suggestion[] }> {
  const now = ctx.clock.now();
  const answers = (await deps.profiles(ctx.db, userId)) ?? { userId };
  if (!answers.timezone) {
    const member = await ctx.members.get(userId);
    if (member) {
      const user = await ctx.discourse.getUser(member.username).catch(() => undefined);
      const options = user?.user as { timezone?: string | null; user_option?: { timezone?: string | null } } | undefined;
      answers.timezone = options?.timezone ?? options?.user_option?.timezone ?? undefined;
    }
  }
  // Before the first sync Kindred would think every group empty and fill the first sibling.
  const synced = await ctx.db.selectFrom("peer_groups").select("name").where("synced_at", "is not", null).limit(1).executeTakeFirst();
  if (!synced) await syncGroups(ctx, deps);
  const terms = deps.settings.usePostWords ? await postTerms(ctx, userId) : undefined;
  const profile = normalizeProfile(answers, now, terms);
  const catalogue = deps.compiled(now);
  const [sizes, excluded] = await Promise.all([loadSizes(ctx.db, catalogue), excludedGroups(ctx.db, userId)]);
  return { profile, suggestions: matchMember(catalogue, profile, { sizes, excluded }, limit) };
}
