import { Command } from "commander";
import type { CliIo } from "./cli-io.ts";
import { registerConfigCommands } from "./commands/config-check.ts";
import { registerCrisisCommands } from "./commands/crisis.ts";
import { registerDigestCommands } from "./commands/digest.ts";
import { registerDoctorCommand } from "./commands/doctor.ts";
import { registerEventCommands } from "./commands/events.ts";
import { registerGroupCommands } from "./commands/groups.ts";
import { registerJobCommands } from "./commands/jobs.ts";
import { registerOnboardingCommands } from "./commands/onboarding.ts";
import { registerSetupCommand } from "./commands/setup.ts";
import { registerStartCommand } from "./commands/start.ts";
import { registerStatusCommand } from "./commands/status.ts";

/**
 * `kindred`: the one command line. Each command lives in its own file and writes its output on
 * stdout only; logs and errors go to stderr.
 */
export function createProgram(io: CliIo): Command {
  const program = new Command("kindred")
    .description("Kindred: bots beside a hosted Discourse forum for a recovery community")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerStartCommand(program, io);
  registerConfigCommands(program, io);
  registerEventCommands(program, io);
  registerJobCommands(program, io);
  registerCrisisCommands(program, io);
  registerSetupCommand(program, io);
  registerDoctorCommand(program, io);
  registerStatusCommand(program, io);
  registerGroupCommands(program, io);
  registerOnboardingCommands(program, io);
  registerDigestCommands(program, io);
  return program;
}
