import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { deepFreeze, deepMerge } from "./deep-merge.ts";
import { ConfigError } from "./errors.ts";
import { readYamlFile } from "./read-yaml-file.ts";
import { envSchema, type Settings, settingsSchema } from "./schema.ts";

export { ConfigError } from "./errors.ts";
export type { Settings } from "./schema.ts";

/** Where the commented defaults live. */
export const DEFAULTS_FILE = fileURLToPath(new URL("./kindred.yaml", import.meta.url));

/** Secrets are kept off the enumerable surface so a stray `JSON.stringify(config)` cannot leak them. */
export interface Secrets {
  readonly apiKey?: string;
  /** The current webhook secret first, then the previous one during a rotation. */
  readonly webhookSecrets: readonly string[];
  /** Shared with the forum's DiscourseConnect provider for the /admin sign-in. */
  readonly discourseConnectSecret?: string;
}

/** The validated, frozen configuration every part of Kindred is given (never `process.env`). */
export type Config = Settings & {
  /** `sandbox` when no DISCOURSE_URL is set: Kindred then runs its own Discourse-compatible forum. */
  readonly mode: "forum" | "sandbox";
  readonly discourseUrl?: string;
  /** The account admin-scope calls are made as (health checks, setup). */
  readonly apiUsername: string;
  readonly redisUrl: string;
  readonly databaseUrl?: string;
  readonly configFile?: string;
  readonly secrets: Secrets;
};

export interface LoadConfigOptions {
  /** Settings merged over the files (tests and the CLI use this). */
  overrides?: unknown;
}

/**
 * Reads the defaults, merges the optional `KINDRED_CONFIG` file and `overrides`, validates everything
 * and returns a frozen object. Throws {@link ConfigError} (one line, exit status 2) on any bad value.
 *
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>, options: LoadConfigOptions = {}): Config {
  const vars = parseOrThrow(envSchema, env, "");
  let raw = readYamlFile(DEFAULTS_FILE, "defaults");
  if (vars.KINDRED_CONFIG) raw = deepMerge(raw, readYamlFile(vars.KINDRED_CONFIG, "KINDRED_CONFIG"));
  if (options.overrides !== undefined) raw = deepMerge(raw, options.overrides);
  const settings = parseOrThrow(settingsSchema, raw, vars.KINDRED_CONFIG ?? "config");
  if (vars.PORT !== undefined) settings.http.port = vars.PORT;
  if (vars.LOG_LEVEL !== undefined) settings.log.level = vars.LOG_LEVEL;
  if (vars.DISCOURSE_URL) {
    if (!vars.DISCOURSE_API_KEY) throw new ConfigError("DISCOURSE_API_KEY", "is required when DISCOURSE_URL is set");
    if (!vars.WEBHOOK_SECRET) throw new ConfigError("WEBHOOK_SECRET", "is required when DISCOURSE_URL is set");
  }
  if (vars.WEBHOOK_SECRET_PREVIOUS && !vars.WEBHOOK_SECRET) {
    throw new ConfigError("WEBHOOK_SECRET_PREVIOUS", "is only used beside WEBHOOK_SECRET during a rotation");
  }
  const config = {
    ...settings,
    mode: vars.DISCOURSE_URL ? "forum" : "sandbox",
    discourseUrl: vars.DISCOURSE_URL?.replace(/\/+$/, ""),
    apiUsername: vars.DISCOURSE_API_USERNAME,
    redisUrl: vars.REDIS_URL,
    databaseUrl: vars.DATABASE_URL,
    configFile: vars.KINDRED_CONFIG,
  } as Config;
  const secrets: Secrets = {
    apiKey: vars.DISCOURSE_API_KEY,
    webhookSecrets: [vars.WEBHOOK_SECRET, vars.WEBHOOK_SECRET_PREVIOUS].filter((s): s is string => Boolean(s)),
    discourseConnectSecret: vars.DISCOURSE_CONNECT_SECRET,
  };
  Object.defineProperty(config, "secrets", { value: deepFreeze(secrets), enumerable: false });
  return deepFreeze(config);
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parts = issue.path.map(String);
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    parts.push(issue.keys[0]);
    message = "is not a setting Kindred knows (check its spelling and indentation)";
  }
  const path = parts.join(".");
  const inFile = where && where !== "config" ? ` (in ${where})` : "";
  throw new ConfigError(path || where || "config", `${message}${inFile}`);
}
