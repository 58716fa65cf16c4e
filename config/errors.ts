/**
 * A configuration problem, worded as one line that names the key and what is wrong.
 * The CLI prints `message` and exits with {@link ConfigError.exitCode} (2), as documented in the README.
 */
export class ConfigError extends Error {
  readonly exitCode = 2;
  readonly key: string;
  constructor(key: string, problem: string) {
    super(`[config] ${key}: ${problem}`);
    this.name = "ConfigError";
    this.key = key;
  }
}
