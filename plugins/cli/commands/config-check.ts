import type { Command } from "commander";
import { loadConfig } from "../../../config/index.ts";
import type { CliIo } from "../cli-io.ts";

/** `kindred config check`: validates env and config files, prints a summary without secrets. */
export function registerConfigCommands(program: Command, io: CliIo): void {
  const config = program.command("config").description("configuration");
  config
    .command("check")
    .description("check the configuration (exit 2 with one line naming the key when something is wrong)")
    .action(() => {
      const loaded = loadConfig(io.env);
      io.out(`config ok: ${loaded.mode === "sandbox" ? "sandbox mode (no DISCOURSE_URL)" : `forum ${loaded.discourseUrl}`}`);
      io.out(`file: ${loaded.configFile ?? "defaults only"}; store: ${loaded.databaseUrl ? "PostgreSQL" : `PGlite in ${loaded.store.dataDir}`}`);
      io.out(`bots: ${loaded.enabledBots.join(", ")}; webhook secrets: ${loaded.secrets.webhookSecrets.length}`);
    });
}
