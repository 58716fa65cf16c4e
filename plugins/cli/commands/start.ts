import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { type Config, loadConfig } from "../../../config/index.ts";
import { createLogger } from "../../log/create-logger.ts";
import { createRuntime, type Role } from "../../runtime/create-runtime.ts";
import { ensureRedis } from "../../runtime/ensure-redis.ts";
import { startSandboxMode } from "../../runtime/start-sandbox-mode.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

/** `kindred start`: the main job. Without DISCOURSE_URL it brings its own sandbox forum. */
export function registerStartCommand(program: Command, io: CliIo): void {
  program
    .command("start")
    .description("run Kindred (web, workers and schedules; or one role with --role)")
    .option("--role <role>", "all | web | worker", "all")
    .action(async (options: { role: string }) => {
      if (!["all", "web", "worker"].includes(options.role)) throw new CliError(`[cli] --role must be all, web or worker`, EXIT.config);
      const role = options.role as Role;
      let config: Config = loadConfig(io.env);
      if (role !== "all" && !config.databaseUrl) {
        throw new CliError(`[runtime] --role ${role} needs DATABASE_URL: the embedded PGlite store serves only one process`, EXIT.config);
      }
      const log = createLogger({ level: config.log.level });
      const redis = await ensureRedis(config.redisUrl, log);
      let sandbox: Awaited<ReturnType<typeof startSandboxMode>> | undefined;
      if (config.mode === "sandbox") {
        if (role !== "all") throw new CliError("[cli] sandbox mode runs as one process; set DISCOURSE_URL to split roles", EXIT.config);
        const secret = randomBytes(24).toString("hex");
        sandbox = await startSandboxMode({ secret });
        config = loadConfig({ ...io.env, DISCOURSE_URL: sandbox.url, DISCOURSE_API_KEY: sandbox.apiKey, WEBHOOK_SECRET: secret });
      }
      const runtime = await createRuntime({ config, bots, role, log });
      if (sandbox && runtime.url) await sandbox.connect(runtime);
      const where = runtime.url ?? "(no HTTP in the worker role)";
      if (sandbox) {
        io.out("Kindred is running in SANDBOX mode: no DISCOURSE_URL is set, so it talks to its own demo forum.");
        io.out(`  sandbox forum: ${sandbox.url}  (demo community; nothing here reaches a real forum)`);
        io.out(`  try it:        curl -H 'Api-Key: ${sandbox.apiKey}' -H 'Api-Username: system' ${sandbox.url}/review.json`);
      } else {
        io.out(`Kindred is running against ${config.discourseUrl} (role: ${role}).`);
      }
      io.out(`  webhooks:      ${where}/webhooks/discourse`);
      io.out(`  health:        ${where}/healthz  ready: ${where}/readyz  metrics: ${where}/metrics`);
      const stop = async (signal: string) => {
        log.info({ signal }, "shutting down");
        await runtime.close();
        await sandbox?.close();
        redis.stop();
        process.exit(0);
      };
      process.once("SIGTERM", () => void stop("SIGTERM"));
      process.once("SIGINT", () => void stop("SIGINT"));
      await new Promise(() => {});
    });
}
