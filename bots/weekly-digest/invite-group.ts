import type { BaseContext } from "../../plugins/app/types.ts";
import { escapeMarkdownInline } from "../../plugins/markdown/escape-markdown.ts";
import type { SnapshotCache } from "./snapshot-cache.ts";
import { fill, loadDigestTexts } from "./texts.ts";

/**
 * `kindred digest invite GROUP` (task `invite-group`): a ONE-TIME invitation to the group's members.
 * It never switches the digest on. Members who already said yes or no, or were invited before (by
 * any group), are left alone; each new one gets an `invite` job, spaced like digests. One read per
 * page of 1000 members.
 */
export async function inviteGroup(ctx: BaseContext, group: string): Promise<{ invited: number; skipped: number }> {
  const now = ctx.clock.now();
  const spacingMs = Math.ceil(60_000 / ctx.config.digest.sendsPerMinute);
  let invited = 0;
  let skipped = 0;
  for (let offset = 0; ; offset += 1000) {
    const page = await ctx.discourseAs({ account: "admin" }).listGroupMembers(group, { offset, limit: 1000 }, { signal: ctx.signal });
    for (const m of page.members) {
      const userId = Number(m.id);
      const username = String(m.username);
      const known = await ctx.db.selectFrom("digest_subscriptions").select("user_id").where("user_id", "=", userId).executeTakeFirst();
      if (known || ctx.botUsernames.has(username.toLowerCase())) {
        skipped++;
        continue;
      }
      await ctx.members.ensure(userId, username);
      const row = await ctx.db
        .insertInto("digest_invitations")
        .values({ user_id: userId, group_name: group, status: "queued", created_at: now })
        .onConflict((oc) => oc.column("user_id").doNothing())
        .returning("user_id")
        .executeTakeFirst();
      if (!row) {
        skipped++;
        continue;
      }
      await ctx.tasks.schedule("invite", { userId }, { delayMs: invited * spacingMs, jobId: `invite-${userId}` });
      invited++;
    }
    if (page.members.length < 1000) break;
  }
  return { invited, skipped };
}

/** Task `invite`: sends one member their invitation, unless they may not be messaged now. */
export async function sendInvitation(ctx: BaseContext, userId: number, cache: SnapshotCache): Promise<void> {
  const now = ctx.clock.now();
  const invitation = await ctx.db.selectFrom("digest_invitations").selectAll().where("user_id", "=", userId).executeTakeFirst();
  if (invitation?.status !== "queued") return;
  const member = await ctx.members.get(userId);
  const known = await ctx.db.selectFrom("digest_subscriptions").select("user_id").where("user_id", "=", userId).executeTakeFirst();
  const blocked = (await cache.current())?.isBlocked(userId) ?? false;
  if (!member || known || blocked || !(await ctx.members.maySend(userId, ctx.bot, now))) {
    await ctx.db.updateTable("digest_invitations").set({ status: "skipped" }).where("user_id", "=", userId).execute();
    return;
  }
  const texts = loadDigestTexts(ctx.config.digest.textsFile);
  await ctx.sendPrivateMessage({
    to: [member.username],
    title: texts.invitationTitle,
    raw: `${fill(texts.invitation, { username: escapeMarkdownInline(member.username) })}\n`,
    idempotencyKey: `weekly-digest-invite-${userId}`,
    memberId: userId,
    kind: "invitation",
  });
  await ctx.db.updateTable("digest_invitations").set({ status: "sent" }).where("user_id", "=", userId).execute();
}
