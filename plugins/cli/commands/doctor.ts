import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { loadConfig } from "../../../config/index.ts";
import { formatChecklist } from "../../operator/checklist.ts";
import { readEnvFile } from "../../operator/env-file.ts";
import { runDoctor } from "../../operator/run-doctor.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

/**
 * `kindred doctor [--redeliver]`: setup's checks at any time (changing nothing on the forum), plus
 * failed webhook deliveries of the last 24 h from the forum's event log. Exit 1 when a check failed.
 */
export function registerDoctorCommand(program: Command, io: CliIo): void {
  program
    .command("doctor")
    .description("check the forum connection, accounts, settings and webhook deliveries of the last 24 h")
    .option("--redeliver", "send the failed deliveries of the last 24 h again (duplicates are dropped by Kindred)")
    .option("--secrets-file <path>", "the env file kindred setup wrote (its values fill what the environment lacks)", ".env")
    .option("--prefix <prefix>", "Redis key prefix of the running Kindred (the API budget is shared)", "kindred")
    .action(async (flags: { redeliver?: boolean; secretsFile: string; prefix: string }) => {
      const config = loadConfig({ ...readEnvFile(flags.secretsFile), ...io.env });
      if (config.mode === "sandbox") throw new CliError("[doctor] DISCOURSE_URL is not set: run kindred setup first", EXIT.config);
      const items = await runDoctor({ config, bots, prefix: flags.prefix, redeliver: flags.redeliver === true, now: new Date() });
      for (const line of formatChecklist(items)) io.out(line);
      const failed = items.filter((i) => i.status === "fail").length;
      if (failed > 0) throw new CliError(`[doctor] ${failed} check(s) failed: see above`, EXIT.failure);
    });
}
