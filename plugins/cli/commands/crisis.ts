import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { assess } from "../../../bots/crisis-watch/assess/index.ts";
import { backfill } from "../../../bots/crisis-watch/backfill.ts";
import { classifyStream } from "../../../bots/crisis-watch/eval/classify-stream.ts";
import { computeCrisisMetrics, CRISIS_TARGETS, formatConfusion } from "../../../bots/crisis-watch/eval/metrics.ts";
import { readLabelled } from "../../../bots/crisis-watch/eval/read-labelled.ts";
import { LANE_WORDS } from "../../../bots/crisis-watch/lane-words.ts";
import { crisisStats } from "../../../bots/crisis-watch/stats.ts";
import { loadConfig } from "../../../config/index.ts";
import { createRegistry } from "../../app/create-registry.ts";
import { createBaseContext } from "../../app/create-context.ts";
import { createLogger } from "../../log/create-logger.ts";
import { createRuntime } from "../../runtime/create-runtime.ts";
import { coreMigrations, createStore } from "../../store/index.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

/** `kindred crisis check | classify | eval | stats | backfill`. */
export function registerCrisisCommands(program: Command, io: CliIo, stdin: NodeJS.ReadableStream = process.stdin, stdout: NodeJS.WritableStream = process.stdout): void {
  const crisis = program.command("crisis").description("crisis watch");
  crisis
    .command("check")
    .argument("<text>", "a post's text")
    .option("--where <where>", "topic | pm_to_bot | intake_reply | reviewable", "topic")
    .description("assess one text and show the level, lanes and evidence")
    .action((text: string, options: { where: string }) => {
      const result = assess(text, { where: options.where as "topic", writtenAt: new Date() });
      io.out(`level: ${result.level}`);
      io.out(`lanes: ${result.lanes.map((l) => LANE_WORDS[l]).join(", ") || "none"}`);
      io.out(`score: ${result.score.toFixed(2)}`);
      for (const e of result.evidence) io.out(`- [${e.level}, ${LANE_WORDS[e.lane]}] "${e.sentence}" — ${e.why}`);
    });
  crisis
    .command("classify")
    .description('read JSON lines {"id", "text"} on stdin; write {"id", "level", "lanes"} lines on stdout, same order')
    .action(async () => {
      await classifyStream(stdin as never, stdout as never, { onError: (line, error) => io.err(`[crisis] line ${line}: ${error.message}`) });
    });
  crisis
    .command("eval")
    .argument("<file>", "labelled JSON lines {id, text, label, lanes}")
    .description("the detector's metrics on a labelled file, next to the targets")
    .action((file: string) => {
      let rows: ReturnType<typeof readLabelled>;
      try {
        rows = readLabelled(file);
      } catch (error) {
        throw new CliError(`[crisis] ${(error as Error).message.split("\n")[0]}`, EXIT.config);
      }
      const scored = rows.map((row) => ({ label: row.label, level: assess(row.text, { where: "topic", writtenAt: new Date() }).level }));
      const metrics = computeCrisisMetrics(scored);
      io.out(`posts: ${metrics.total}`);
      for (const [key, target] of Object.entries(CRISIS_TARGETS)) {
        const value = metrics[key as keyof typeof CRISIS_TARGETS];
        const ok = "min" in target ? value >= target.min : value <= target.max;
        const bound = "min" in target ? `≥ ${target.min}` : `≤ ${target.max}`;
        io.out(`${key.padEnd(16)} ${Number.isNaN(value) ? "n/a" : value.toFixed(3)}  (target ${bound}) ${Number.isNaN(value) ? "" : ok ? "ok" : "MISSED"}`);
      }
      io.out(formatConfusion(metrics.confusion));
    });
  crisis
    .command("stats")
    .option("--weeks <n>", "how far back", "4")
    .description("flags by lane and level, moderators' agree/disagree rates, time to first action")
    .action(async (options: { weeks: string }) => {
      const config = loadConfig(io.env);
      const enabled = bots.filter((b) => config.enabledBots.includes(b.name));
      const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.store.dataDir, migrations: createRegistry(enabled, coreMigrations).migrations });
      try {
        const stats = await crisisStats(store.db, new Date(), Number(options.weeks));
        const pct = (n: number) => (Number.isNaN(n) ? "n/a" : `${(n * 100).toFixed(0)}%`);
        io.out(`since ${stats.since.toISOString().slice(0, 10)} (mode: ${config.crisis.mode})`);
        io.out(`assessed: ${Object.entries(stats.assessed).map(([l, n]) => `${l} ${n}`).join(", ") || "nothing yet"}`);
        for (const [level, lanes] of Object.entries(stats.alerts)) {
          io.out(`${level}: ${Object.entries(lanes).map(([lane, n]) => `${LANE_WORDS[lane as keyof typeof LANE_WORDS] ?? lane} ${n}`).join(", ")}`);
        }
        io.out(`moderators: agreed ${stats.outcomes.agreed}, disagreed ${stats.outcomes.disagreed}, ignored ${stats.outcomes.ignored}, undecided ${stats.outcomes.undecided} (agree ${pct(stats.agreeRate)}, disagree ${pct(stats.disagreeRate)})`);
        const t = stats.timeToFirstAction;
        io.out(`time to first moderator action: median ${Number.isNaN(t.median) ? "n/a" : `${t.median.toFixed(1)} min`}, p90 ${Number.isNaN(t.p90) ? "n/a" : `${t.p90.toFixed(1)} min`} (${t.count} alerts)`);
      } finally {
        await store.close();
      }
    });
  crisis
    .command("backfill")
    .option("--since <age>", "how far back, e.g. 24h, 3d", "24h")
    .option("--apply", "act on what is found (without it: a dry run that only reports)")
    .description("assess public posts from the past on request; a dry run unless --apply")
    .action(async (options: { since: string; apply?: boolean }) => {
      const match = /^(\d+)\s*([hd])$/.exec(options.since);
      if (!match) throw new CliError("[crisis] --since takes hours or days, e.g. 24h or 3d", EXIT.config);
      const hours = Number(match[1]) * (match[2] === "d" ? 24 : 1);
      const config = loadConfig(io.env);
      if (config.mode === "sandbox") throw new CliError("[crisis] backfill needs a forum: set DISCOURSE_URL", EXIT.config);
      const runtime = await createRuntime({ config, bots, listen: false, work: false, log: createLogger({ level: config.log.level }) });
      try {
        const bot = runtime.registry.bots.find((b) => b.name === "crisis-watch");
        if (!bot) throw new CliError("[crisis] crisis-watch is not enabled", EXIT.config);
        const ctx = createBaseContext(runtime.services, bot, { task: "backfill" });
        const report = await backfill(ctx, { since: new Date(Date.now() - hours * 3_600_000), apply: Boolean(options.apply) });
        io.out(`${options.apply ? "assessed" : "would assess"} ${report.posts} posts: ${Object.entries(report.levels).map(([l, n]) => `${l} ${n}`).join(", ") || "none"}`);
        if (!options.apply) io.out("dry run: nothing was flagged or sent. Run again with --apply to act.");
      } finally {
        await runtime.close();
      }
    });
}
