import type { Command } from "commander";
import { bots } from "../../../bots/index.ts";
import { onboardingFunnel } from "../../../bots/onboarding/onboarding-funnel.ts";
import { onboardingStatus } from "../../../bots/onboarding/onboarding-status.ts";
import { loadConfig } from "../../../config/index.ts";
import { createRegistry } from "../../app/create-registry.ts";
import { coreMigrations, createStore, type Store } from "../../store/index.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "-");
const pct = (n: number, of: number) => (of === 0 ? "  -" : `${Math.round((n / of) * 100)}%`.padStart(4));

/**
 * `kindred onboarding status USERNAME` (where one member stands; which questions they answered, never
 * the answers) and `kindred onboarding funnel` (welcomed → answered → joined a group → posted within
 * 7 days, per week).
 */
export function registerOnboardingCommands(program: Command, io: CliIo): void {
  const onboarding = program.command("onboarding").description("the onboarding bot: welcome, intake, nudge");
  onboarding
    .command("status")
    .argument("<username>", "a member's Discourse username")
    .option("--json", "one JSON object")
    .description("where one member stands: welcome, intake, group, first post, nudge")
    .action(async (username: string, options: { json?: boolean }) => {
      await withStore(io, async (store) => {
        const status = await onboardingStatus(store.db, username);
        if (!status) throw new CliError(`[onboarding] no onboarding record for ${username} (never welcomed, or forgotten)`, EXIT.config);
        if (options.json) return io.out(JSON.stringify(status));
        io.out(`${status.username} (id ${status.userId})`);
        io.out(`  welcomed:      ${when(status.welcomedAt)}`);
        io.out(`  intake:        ${status.state}${status.paused ? " (paused)" : ""}; answered ${status.answeredQuestions.length ? status.answeredQuestions.join(", ") : "nothing"}`);
        io.out(`  consent:       ${status.consentAt ? when(status.consentAt) : "-"}; greeters may see shared answers: ${status.sharesWithGreeters ? "yes" : "no"}`);
        io.out(`  joined group:  ${when(status.joinedGroupAt)}`);
        io.out(`  first post:    ${when(status.firstPostAt)}`);
        const nudge = status.nudge.sentAt ? `sent ${when(status.nudge.sentAt)}` : status.nudge.cancelled ? `not sent (${status.nudge.cancelled})` : `due ${when(status.nudge.dueAt)}`;
        io.out(`  nudge:         ${nudge}`);
      });
    });
  onboarding
    .command("funnel")
    .option("--weeks <n>", "how many weeks back", "4")
    .option("--json", "one JSON object per week")
    .description("welcomed → answered → joined a group → first post within 7 days, per week")
    .action(async (options: { weeks: string; json?: boolean }) => {
      const weeks = Number(options.weeks);
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) throw new CliError("[onboarding] --weeks must be 1 to 52", EXIT.config);
      await withStore(io, async (store) => {
        const rows = await onboardingFunnel(store.db, new Date(), weeks);
        if (options.json) {
          for (const r of rows) io.out(JSON.stringify(r));
          return;
        }
        io.out("week from    welcomed  answered   joined group   posted ≤7d");
        for (const r of rows) {
          io.out(
            `${r.from.toISOString().slice(0, 10)}  ${String(r.welcomed).padStart(8)}  ${String(r.answered).padStart(4)} ${pct(r.answered, r.welcomed)}  ${String(r.joinedGroup).padStart(8)} ${pct(r.joinedGroup, r.welcomed)}  ${String(r.postedWithin7Days).padStart(6)} ${pct(r.postedWithin7Days, r.welcomed)}`,
          );
        }
      });
    });
}

async function withStore(io: CliIo, run: (store: Store) => Promise<void>): Promise<void> {
  const config = loadConfig(io.env);
  const enabled = bots.filter((b) => config.enabledBots.includes(b.name));
  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.store.dataDir, migrations: createRegistry(enabled, coreMigrations).migrations });
  try {
    await run(store);
  } finally {
    await store.close();
  }
}
