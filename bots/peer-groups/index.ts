import { defineBot } from "../../plugins/app/define-bot.ts";
import type { Bot, PmReplyContext } from "../../plugins/app/types.ts";
import { handleGroupsReply } from "./conversation/handle-reply.ts";
import { parseGroupsReply } from "./conversation/parse-reply.ts";
import { sendOffer } from "./conversation/send-offer.ts";
import { type DepsOptions, peerGroupsDeps } from "./deps.ts";
import { bandSweep } from "./handlers/band-sweep.ts";
import { countPostWords } from "./handlers/count-post-words.ts";
import { onAddedToGroup, onRemovedFromGroup } from "./handlers/on-membership.ts";
import { syncGroups } from "./handlers/sync-groups.ts";
import * as init from "./migrations/peer-groups-0001-init.ts";
import "./store/database.ts";

/**
 * The peer-groups bot (issue #5): suggests the groups that fit each member, with reasons, and adds
 * them when they say yes. Onboarding hands members over with the task `suggest` `{ userId }`.
 *
 * @param options - a profile source or catalogue other than onboarding's and the configured file (tests).
 */
export function createPeerGroupsBot(options: DepsOptions = {}): Bot {
  return defineBot({
    name: "peer-groups",
    lane: "groups",
    account: "groups",
    migrations: { "peer-groups-0001-init": init },
    setup(app) {
      app.task<{ userId?: number; reason?: "intake" | "asked" }>("suggest", async (ctx) => {
        if (typeof ctx.data.userId !== "number") throw new Error("[peer-groups] suggest needs { userId }");
        const outcome = await sendOffer(ctx, peerGroupsDeps(ctx.config, options), ctx.data.userId, ctx.data.reason ?? "intake");
        ctx.log.info({ userId: ctx.data.userId, outcome }, "group suggestions");
      });
      app.every(SWEEP_CRON, "band-sweep", async (ctx) => {
        const { sent } = await bandSweep(ctx, peerGroupsDeps(ctx.config, options));
        ctx.log.info({ sent }, "recovery-stage sweep");
      });
      app.every(SYNC_CRON, "sync", async (ctx) => {
        await syncGroups(ctx, peerGroupsDeps(ctx.config, options));
      });
      app.on("user_added_to_group", (ctx) => onAddedToGroup(ctx, peerGroupsDeps(ctx.config, options)));
      app.on("user_removed_from_group", (ctx) => onRemovedFromGroup(ctx, peerGroupsDeps(ctx.config, options)));
      app.on("post_created", (ctx) => countPostWords(ctx, peerGroupsDeps(ctx.config, options)));
      const words = async (ctx: PmReplyContext) => {
        const reply = parseGroupsReply(ctx.text);
        return reply ? handleGroupsReply(ctx, peerGroupsDeps(ctx.config, options), reply) : false;
      };
      // As commands, so "groups" works in any Kindred thread and this bot's words win in its own threads.
      app.command(/^(show |my |peer )*groups?( please)?$|^group suggestions$/, words);
      app.command(/^(join|add me|no|not|skip|more|next|show more|others|not now|maybe later|later|ask for me)\b/, words);
      app.onPmReply(words);
    },
  });
}

/** Once a day is enough to notice a stage crossing (they are days apart). UTC. */
const SWEEP_CRON = "20 15 * * *";
/** Webhooks keep counts in step; this backstop reads the forum four times a day. UTC. */
const SYNC_CRON = "7 */6 * * *";

export default createPeerGroupsBot();
