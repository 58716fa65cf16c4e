import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { formatChecklist } from "../../operator/checklist.ts";
import { readEnvFile } from "../../operator/env-file.ts";
import { createPrompter } from "../../operator/prompter.ts";
import { runSetup } from "../../operator/run-setup.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

interface SetupFlags {
  yes?: boolean;
  forumUrl?: string;
  apiKey?: string;
  publicUrl?: string;
  secretsFile: string;
  config?: string;
  prefix: string;
}

/**
 * `kindred setup`: connect a forum in one command (interactive, or `--yes` for scripts). Exit 0 when
 * everything that can be automated is in place, 2 for a key or value that will not do (one line),
 * 3 when the forum or Redis does not answer, 1 when a check failed (the checklist says which).
 */
export function registerSetupCommand(program: Command, io: CliIo, stdin: NodeJS.ReadableStream = process.stdin, stderr: NodeJS.WritableStream = process.stderr): void {
  program
    .command("setup")
    .description("connect a forum: check the API key, create or update the webhook and bot accounts, check settings, write .env and the settings file")
    .option("-y, --yes", "ask nothing: take values from flags or DISCOURSE_URL / DISCOURSE_API_KEY / PUBLIC_URL and make every change")
    .option("--forum-url <url>", "the forum (else DISCOURSE_URL)")
    .option("--api-key <key>", "an admin API key (else DISCOURSE_API_KEY; prefer the environment: flags end up in shell history)")
    .option("--public-url <url>", "where Discourse reaches Kindred (else PUBLIC_URL)")
    // Not `--env-file`: Node itself picks that flag out of the whole command line and exits 9.
    .option("--secrets-file <path>", "where the secrets are written", ".env")
    .option("--config <path>", "the settings file (else KINDRED_CONFIG, else kindred.local.yaml)")
    .option("--prefix <prefix>", "Redis key prefix of the running Kindred (the API budget is shared)", "kindred")
    .action(async (flags: SetupFlags) => {
      const prompter = flags.yes ? undefined : createPrompter(stdin, stderr);
      try {
        const configFile = flags.config ?? io.env.KINDRED_CONFIG ?? readEnvFile(flags.secretsFile).KINDRED_CONFIG ?? "kindred.local.yaml";
        const items = await runSetup({
          env: io.env,
          bots,
          envFile: flags.secretsFile,
          configFile,
          forumUrl: flags.forumUrl,
          apiKey: flags.apiKey,
          publicUrl: flags.publicUrl,
          yes: flags.yes === true,
          prompter,
          prefix: flags.prefix,
        });
        for (const line of formatChecklist(items)) io.out(line);
        const failed = items.filter((i) => i.status === "fail").length;
        if (failed > 0) throw new CliError(`[setup] ${failed} check(s) failed: see the checklist`, EXIT.failure);
      } finally {
        prompter?.close();
      }
    });
}
