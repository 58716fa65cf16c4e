import { defineBot } from "../../plugins/app/define-bot.ts";
import { handleCrisisHandoff } from "./handle-crisis-handoff.ts";
import { DATE_COMMAND, handleDateCommand } from "./handle-date-command.ts";
import { handleIntakeReply } from "./handle-intake-reply.ts";
import * as migration0001 from "./migrations/onboarding-0001-init.ts";
import { sendGreeterNote } from "./send-greeter-note.ts";
import { sweepNudges } from "./sweep-nudges.ts";
import { recordFirstPost, recordGroupJoin, recordSuspension } from "./track-member-events.ts";
import { welcomeMember } from "./welcome-member.ts";
import "./database.ts";

/**
 * Onboarding (issue #4): one warm private welcome, a short optional intake read by a tolerant parser,
 * routing to peer groups and starting points, and at most one day-3 nudge. Works on the onboarding
 * lane as the greeter account. See README.md beside this file for events and settings.
 */
export default defineBot({
  name: "onboarding",
  lane: "onboarding",
  account: "greeter",
  migrations: { "onboarding-0001-init": migration0001 },
  setup(app) {
    // All three are subscribed; `onboarding.startOn` picks the one that starts it.
    app.on(["user_created", "user_approved", "user_confirmed_email"], welcomeMember);
    app.on("post_created", recordFirstPost);
    app.on("user_suspended", recordSuspension);
    app.on("user_added_to_group", recordGroupJoin);
    app.onPmReply(handleIntakeReply);
    app.onCrisisHandoff(handleCrisisHandoff);
    app.command(DATE_COMMAND, handleDateCommand);
    app.every("*/10 * * * *", "nudge-sweep", async (ctx) => {
      await sweepNudges(ctx);
    });
    app.every("7 * * * *", "greeter-note", async (ctx) => {
      await sendGreeterNote(ctx);
    });
  },
});
