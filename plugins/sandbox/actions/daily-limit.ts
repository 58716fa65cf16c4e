import type { SandboxContext } from "../context.ts";
import { isStaff } from "../guardian.ts";
import { rateLimitError } from "../rate-limit-error.ts";
import { setting } from "../state.ts";
import type { UserRecord } from "../types.ts";

const DAY_MS = 86_400_000;

/**
 * Per-user daily limits Discourse applies to non-staff only (`RateLimiter` is disabled for staff):
 * new PMs (`max_personal_messages_per_day`) and flags (`max_flags_per_day`). Throws the 429.
 */
export function performDailyAction(ctx: SandboxContext, user: UserRecord, kind: "create_pm" | "create_flag"): void {
  if (isStaff(user)) return;
  const max = Number(setting(ctx.state, kind === "create_pm" ? "max_personal_messages_per_day" : "max_flags_per_day"));
  const key = `${kind}:${user.id}`;
  const now = ctx.now().getTime();
  const stamps = (ctx.dailyActions.get(key) ?? []).filter((t) => now - t < DAY_MS);
  if (stamps.length >= max) throw rateLimitError(Math.ceil((DAY_MS - (now - stamps[0])) / 1000), kind);
  stamps.push(now);
  ctx.dailyActions.set(key, stamps);
}
