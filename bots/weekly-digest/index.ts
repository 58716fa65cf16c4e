import { defineBot } from "../../plugins/app/define-bot.ts";
import type { BaseContext, Bot } from "../../plugins/app/types.ts";
import type { KeyValue } from "../../plugins/store/index.ts";
import { DIGEST_COMMAND } from "./parse-digest-command.ts";
import { handleDigestCommand } from "./digest-commands.ts";
import { postGroupWeek } from "./group-post.ts";
import { inviteGroup, sendInvitation } from "./invite-group.ts";
import * as init from "./migrations/weekly-digest-0001-init.ts";
import { optInTask } from "./opt-in.ts";
import { readDigestProfile } from "./read-profile.ts";
import { forgetPost, recordLike, recordPost, recordUser } from "./record-activity.ts";
import { sweepDigests } from "./schedule-digests.ts";
import type { DeliveryKey } from "./delivery-claims.ts";
import { sendDigest } from "./send-digest.ts";
import { createSnapshotCache, type SnapshotCache } from "./snapshot-cache.ts";
import { forumFor } from "./digest-forum.ts";
import "./database.ts";

// One parsed snapshot per store, shared by every job of this process.
const caches = new WeakMap<KeyValue, SnapshotCache>();
function cacheFor(ctx: BaseContext): SnapshotCache {
  const known = caches.get(ctx.kv);
  if (known) return known;
  const cache = createSnapshotCache(ctx.kv);
  caches.set(ctx.kv, cache);
  return cache;
}

/**
 * The weekly encouragement digest (issue #6): opt-in only, one PM per member per ISO week at their
 * local send time, built from Kindred's own tallies and a weekly bulk snapshot, never showing content
 * the member could not read. See README.md for events, tasks and settings.
 */
const weeklyDigest: Bot = defineBot({
  name: "weekly-digest",
  lane: "digest",
  account: "encouragement",
  migrations: { "weekly-digest-0001-init": init },
  setup(app) {
    app.on("post_created", async (ctx) => {
      await recordPost(ctx.db, ctx.payload.post, ctx.config.digest.defaultTimezone);
    });
    app.on("post_liked", async (ctx) => {
      await recordLike(ctx.db, ctx.payload.like, ctx.clock.now(), (id, name) => ctx.members.ensure(id, name));
    });
    app.on("post_destroyed", async (ctx) => {
      if (typeof ctx.payload.post?.id === "number") await forgetPost(ctx.db, ctx.payload.post.id);
    });
    app.on("user_suspended", (ctx) => recordUser(ctx.db, ctx.payload.user, "suspended", ctx.clock.now()));
    app.on("user_unsuspended", (ctx) => recordUser(ctx.db, ctx.payload.user, "unsuspended", ctx.clock.now()));
    app.on("user_updated", (ctx) => recordUser(ctx.db, ctx.payload.user, "updated", ctx.clock.now()));

    app.command(DIGEST_COMMAND, handleDigestCommand);
    app.task("opt-in", optInTask);

    // Hourly: a member's local send time is checked against the clock each time (bots get no config
    // at setup, so the cron is fixed; the send day and time are settings).
    app.every("7 * * * *", "sweep", async (ctx) => {
      await sweepDigests(ctx, cacheFor(ctx));
    });
    app.task<DeliveryKey>("send", (ctx) => sendDigest(ctx, { cache: cacheFor(ctx), readProfile: readDigestProfile }));
    app.task<{ group: string }>("invite-group", async (ctx) => {
      const result = await inviteGroup(ctx, String(ctx.data.group));
      ctx.log.info(result, "digest invitations queued");
    });
    app.task<{ userId: number }>("invite", (ctx) => sendInvitation(ctx, Number(ctx.data.userId), cacheFor(ctx)));
    app.task<{ group: string; week: string }>("group-post", async (ctx) => {
      const cache = cacheFor(ctx);
      const index =
        (await cache.current()) ??
        (await cache.ensureFresh(forumFor(ctx), { now: ctx.clock.now(), maxAgeHours: ctx.config.digest.snapshotMaxAgeHours })).index;
      await postGroupWeek(ctx, { group: String(ctx.data.group), week: String(ctx.data.week) }, index);
    });
  },
});

export default weeklyDigest;
