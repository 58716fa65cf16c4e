import type { BaseContext } from "../../plugins/app/types.ts";

/** What one user read tells the digest: the time zone to send at, and whether they may get it at all. */
export interface MemberState {
  timezone: string | null;
  suspended: boolean;
  silenced: boolean;
}

/**
 * Reads the member once when they switch the digest on (`GET /u/:username.json` as the admin account, which sees `silenced_till`, on the digest lane):
 * their Discourse time zone, and whether they are suspended or silenced right now. The weekly run
 * never reads users one by one; it uses the bulk lists and the suspension webhooks.
 */
export async function readMemberState(ctx: BaseContext, username: string): Promise<MemberState | undefined> {
  try {
    const { user } = await ctx.discourseAs({ account: "admin" }).getUser(username, { signal: ctx.signal });
    const u = user as Record<string, unknown>;
    const option = u.user_option as { timezone?: string | null } | undefined;
    const now = ctx.clock.now().getTime();
    const until = (v: unknown) => typeof v === "string" && new Date(v).getTime() > now;
    return {
      timezone: (typeof u.timezone === "string" && u.timezone) || option?.timezone || null,
      suspended: until(u.suspended_till),
      silenced: until(u.silenced_till),
    };
  } catch (error) {
    // The subscription stands without it: the default time zone is used and the weekly bulk list
    // still keeps suspended and silenced members out.
    ctx.log.warn({ err: { message: (error as Error).message } }, "could not read the member for the digest");
    return undefined;
  }
}
