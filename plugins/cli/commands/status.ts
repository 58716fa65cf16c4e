import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { loadConfig } from "../../../config/index.ts";
import { createApiBudget } from "../../discourse/index.ts";
import { loadStatus } from "../../http/admin/load-status.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { createLogger } from "../../log/create-logger.ts";
import { readEnvFile } from "../../operator/env-file.ts";
import { statusText } from "../../operator/status-text.ts";
import { createRuntime } from "../../runtime/create-runtime.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

/**
 * `kindred status`: what the /admin page shows, as text. It opens the store, so with the embedded
 * PGlite run it only while Kindred is stopped (PostgreSQL has no such limit).
 */
export function registerStatusCommand(program: Command, io: CliIo): void {
  program
    .command("status")
    .description("open crisis flags, time to first moderator action, API budget, queues, onboarding funnel, digest progress")
    .option("--secrets-file <path>", "the env file kindred setup wrote", ".env")
    .option("--prefix <prefix>", "Redis key prefix of the running Kindred", "kindred")
    .action(async (flags: { secretsFile: string; prefix: string }) => {
      const config = loadConfig({ ...readEnvFile(flags.secretsFile), ...io.env });
      if (config.mode === "sandbox") throw new CliError("[status] DISCOURSE_URL is not set: there is no forum to report on", EXIT.config);
      const runtime = await createRuntime({ config, bots, prefix: flags.prefix, listen: false, work: false, schedules: false, log: createLogger({ level: "silent" }) });
      const redis = createRedis(config.redisUrl, "client");
      const budget = createApiBudget({ redis, prefix: `${flags.prefix}:budget`, perWindow: config.apiBudget.perMinute, windowMs: config.apiBudget.windowSeconds * 1000, crisisReserve: config.apiBudget.crisisReserve });
      try {
        for (const line of statusText(await loadStatus({ services: runtime.services, budget, metrics: runtime.metrics }))) io.out(line);
      } finally {
        await budget.close();
        redis.disconnect();
        await runtime.close();
      }
    });
}
