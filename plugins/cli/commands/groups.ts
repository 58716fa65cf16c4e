import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { checkCatalogue } from "../../../bots/peer-groups/check-catalogue.ts";
import { rankForMember } from "../../../bots/peer-groups/conversation/rank-for-member.ts";
import { peerGroupsDeps } from "../../../bots/peer-groups/deps.ts";
import { groupsReport } from "../../../bots/peer-groups/groups-report.ts";
import { reasonSentence } from "../../../bots/peer-groups/match/explain-match.ts";
import { syncGroups } from "../../../bots/peer-groups/handlers/sync-groups.ts";
import { loadConfig } from "../../../config/index.ts";
import { createBaseContext } from "../../app/create-context.ts";
import type { BaseContext } from "../../app/types.ts";
import { createLogger } from "../../log/create-logger.ts";
import { createRuntime } from "../../runtime/create-runtime.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

/** Runs `work` with a peer-groups context on the configured forum and store (no HTTP, no workers). */
async function withGroups<T>(io: CliIo, prefix: string, work: (ctx: BaseContext) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  if (!config.discourseUrl) throw new CliError("[groups] set DISCOURSE_URL and DISCOURSE_API_KEY: these commands read the forum", EXIT.config);
  const bot = bots.find((b) => b.name === "peer-groups");
  if (!bot || !config.enabledBots.includes("peer-groups")) throw new CliError("[groups] the peer-groups bot is not enabled (enabledBots)", EXIT.config);
  const runtime = await createRuntime({ config, bots, listen: false, work: false, prefix, log: createLogger({ level: "silent" }) });
  try {
    return await work(createBaseContext(runtime.services, bot, { command: "groups" }));
  } finally {
    await runtime.close();
  }
}

/** `kindred groups check | suggest USERNAME | report | sync`. */
export function registerGroupCommands(program: Command, io: CliIo): void {
  const groups = program.command("groups").description("peer groups: the catalogue, suggestions and sizes");
  groups
    .command("check")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .description("check the catalogue against the forum: each group exists, the bot can add to it, capacity and visibility make sense")
    .action(async (options: { prefix: string }) => {
      const { checked, problems } = await withGroups(io, options.prefix, (ctx) => checkCatalogue(ctx.discourse, peerGroupsDeps(ctx.config).catalogue));
      for (const p of problems) io.out(`${p.group}: ${p.problem}`);
      io.out(problems.length === 0 ? `all ${checked} groups match the forum` : `${problems.length} problem(s) in ${checked} groups`);
      if (problems.length > 0) throw new CliError("[groups] the catalogue does not match the forum", EXIT.failure);
    });
  groups
    .command("suggest")
    .argument("<username>", "a forum member")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .description("dry run: print the groups Kindred would suggest to USERNAME, with reasons (sends nothing, changes nothing)")
    .action(async (username: string, options: { prefix: string }) => {
      await withGroups(io, options.prefix, async (ctx) => {
        const deps = peerGroupsDeps(ctx.config);
        const member = await ctx.members.findByUsername(username);
        if (!member) throw new CliError(`[groups] Kindred has no record of ${username} (no intake yet)`, EXIT.config);
        const { suggestions } = await rankForMember(ctx, deps, member.userId, deps.settings.maxOffered);
        const now = ctx.clock.now();
        if (!(await ctx.members.maySend(member.userId, ctx.bot, now))) io.out(`(${username} would get nothing now: quiet or stopped)`);
        if (suggestions.length === 0) io.out(`no group with room fits ${username}`);
        suggestions.forEach((s, i) => {
          const g = deps.compiled(now).groups[s.index].group;
          io.out(`${i + 1}. ${g.title} (${g.name})${s.meetsAll ? "" : "  [partial fit]"}`);
          io.out(`   ${reasonSentence(s.reasons)}`);
        });
      });
    });
  groups
    .command("report")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .option("--days <n>", "what counts as a recent join", "7")
    .option("--sync", "read sizes from the forum first")
    .option("--json", "one JSON object per line")
    .description("group sizes, capacity and recent joins (counts only)")
    .action(async (options: { prefix: string; days: string; sync?: boolean; json?: boolean }) => {
      const rows = await withGroups(io, options.prefix, async (ctx) => {
        const deps = peerGroupsDeps(ctx.config);
        if (options.sync) await syncGroups(ctx, deps);
        return groupsReport(ctx.db, deps.catalogue, ctx.clock.now(), Number(options.days) || 7);
      });
      if (!options.json) io.out("group\tmembers/capacity\tjoined recently (by Kindred)\tpending requests\tlast read from forum");
      for (const r of rows) {
        io.out(
          options.json
            ? JSON.stringify(r)
            : `${r.group}\t${r.members}/${r.capacity}${r.members >= r.capacity ? " FULL" : ""}\t${r.recentJoins} (${r.addedByKindred})\t${r.pendingRequests}\t${r.syncedAt ? r.syncedAt.toISOString() : "never"}`,
        );
      }
    });
}
