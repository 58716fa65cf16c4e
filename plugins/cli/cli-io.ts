import { ConfigError } from "../../config/index.ts";

/** Where a command writes: its output on stdout, everything else (logs, errors) on stderr. */
export interface CliIo {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes, documented in the README. */
export const EXIT = Object.freeze({
  ok: 0,
  failure: 1,
  /** Bad configuration or usage. */
  config: 2,
  /** Redis, the store or the forum could not be reached. */
  unavailable: 3,
});

/** A failure a command reports as one line with a chosen exit status. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.failure) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** Maps any error to its one line and exit status. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof ConfigError || error instanceof CliError) return error.exitCode;
  const message = error instanceof Error ? error.message : "";
  if (/^\[(redis|store)\]|ECONNREFUSED/.test(message)) return EXIT.unavailable;
  return EXIT.failure;
}
