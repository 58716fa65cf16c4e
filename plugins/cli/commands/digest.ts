import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { composeWeek } from "../../../bots/weekly-digest/compose-week.ts";
import { digestStatus } from "../../../bots/weekly-digest/digest-status.ts";
import { inviteGroup } from "../../../bots/weekly-digest/invite-group.ts";
import { previewDigest } from "../../../bots/weekly-digest/preview-digest.ts";
import { sweepDigests } from "../../../bots/weekly-digest/schedule-digests.ts";
import { createSnapshotCache } from "../../../bots/weekly-digest/snapshot-cache.ts";
import { loadConfig } from "../../../config/index.ts";
import { createBaseContext } from "../../app/create-context.ts";
import type { BaseContext } from "../../app/types.ts";
import { createApiBudget } from "../../discourse/index.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { createLogger } from "../../log/create-logger.ts";
import { createRuntime, type Runtime } from "../../runtime/create-runtime.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

const BOT = "weekly-digest";

/** A text progress bar, one line per step (stderr is often a log file, so no carriage returns). */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total}`;
}

async function withDigest(io: CliIo, prefix: string, run: (ctx: BaseContext, runtime: Runtime) => Promise<void>): Promise<void> {
  const config = loadConfig(io.env);
  if (!config.enabledBots.includes(BOT)) throw new CliError(`[digest] the ${BOT} bot is not in enabledBots`, EXIT.config);
  if (config.mode === "sandbox") throw new CliError("[digest] set DISCOURSE_URL (and DATABASE_URL while Kindred runs: PGlite serves one process)", EXIT.config);
  const runtime = await createRuntime({ config, bots, prefix, listen: false, work: false, schedules: false, log: createLogger({ level: "warn" }) });
  try {
    const bot = runtime.registry.bots.find((b) => b.name === BOT);
    if (!bot) throw new CliError(`[digest] the ${BOT} bot is not registered`, EXIT.config);
    await run(createBaseContext(runtime.services, bot, { cli: "digest" }), runtime);
  } finally {
    await runtime.close();
  }
}

/** `kindred digest status | run [--dry-run] | preview USERNAME [--html] | invite GROUP`. */
export function registerDigestCommands(program: Command, io: CliIo): void {
  const digest = program.command("digest").description("the weekly digest (opt-in encouragement PMs)");
  digest
    .command("status")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .description("this week's run: sent, queued, skipped, and the estimated finish at the current API budget")
    .action(async (options: { prefix: string }) => {
      await withDigest(io, options.prefix, async (ctx) => {
        const redis = createRedis(ctx.config.redisUrl, "client");
        const budget = createApiBudget({ redis, prefix: `${options.prefix}:budget`, perWindow: ctx.config.apiBudget.perMinute, crisisReserve: ctx.config.apiBudget.crisisReserve });
        try {
          const b = await budget.snapshot();
          const ahead = b.waitingByLane.crisis + b.waitingByLane.onboarding + b.waitingByLane.groups;
          const s = await digestStatus(ctx, { limit: b.limit, crisisReserve: ctx.config.apiBudget.crisisReserve, usedInWindow: b.usedInWindow, waitingAhead: ahead });
          io.out(`subscribers: ${s.subscribers} (paused: ${s.paused})`);
          io.out(`week: ${s.week ?? "no run yet"}`);
          for (const status of ["sent", "skipped", "claimed", "queued"]) io.out(`  ${status}: ${s.counts[status] ?? 0}`);
          io.out(`budget: ${b.usedInWindow}/${b.limit} calls this minute; ${ahead} waiting in higher lanes`);
          io.out(
            s.estimatedFinish
              ? `remaining: ${s.remaining} at ~${s.ratePerMinute.toFixed(1)}/min, estimated finish ${s.estimatedFinish.toISOString()}`
              : "remaining: 0",
          );
        } finally {
          await budget.close();
          redis.disconnect();
        }
      });
    });
  digest
    .command("run")
    .option("--dry-run", "compose every member's digest and write nothing (progress on stderr)")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .description("run the scheduler now (due members are queued for the workers), or a dry run")
    .action(async (options: { dryRun?: boolean; prefix: string }) => {
      await withDigest(io, options.prefix, async (ctx) => {
        if (!options.dryRun) {
          const r = await sweepDigests({ ...ctx, task: "sweep", data: {} }, createSnapshotCache(ctx.kv));
          io.out(`due: ${r.due}, queued: ${r.queued}, re-queued: ${r.requeued}, group posts: ${r.groupPosts}`);
          return;
        }
        let step = -1;
        const r = await composeWeek(ctx, (done, total) => {
          const now = Math.floor((done / Math.max(total, 1)) * 20);
          if (now !== step || done === total) io.err(progressBar(done, total));
          step = now;
        });
        if (step === -1) io.err(progressBar(r.members, r.members));
        io.out(`dry run (nothing sent or written): ${r.members} members, ${r.digests} digests, ${r.stillHere} "still here" notes`);
        for (const [reason, n] of Object.entries(r.skipped)) io.out(`  skipped (${reason}): ${n}`);
        io.out(`forum reads: ${r.reads}; a real run adds one write per message`);
      });
    });
  digest
    .command("preview")
    .argument("<username>", "a member Kindred knows")
    .option("--html", "print sanitized HTML (the one markdown renderer) instead of markdown")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .description("print one member's digest as it would be composed now (nothing is sent)")
    .action(async (username: string, options: { html?: boolean; prefix: string }) => {
      await withDigest(io, options.prefix, async (ctx) => {
        const { title, body } = await previewDigest(ctx, username, { html: options.html, cache: createSnapshotCache(ctx.kv) }).catch((error: Error) => {
          throw new CliError(error.message, EXIT.config);
        });
        io.out(options.html ? `<h1>${title.replace(/[<>&"]/g, "")}</h1>` : `# ${title}`);
        io.out(body.trimEnd());
      });
    });
  digest
    .command("invite")
    .argument("<group>", "a Discourse group name")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .description("send the group's members a ONE-TIME invitation to switch the digest on (never switches it on)")
    .action(async (group: string, options: { prefix: string }) => {
      await withDigest(io, options.prefix, async (ctx) => {
        const r = await inviteGroup(ctx, group);
        io.out(`invitations queued: ${r.invited} (left alone: ${r.skipped} already asked, answered or bots)`);
      });
    });
}
