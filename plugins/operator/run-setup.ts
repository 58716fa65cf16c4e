import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "../../config/index.ts";
import type { Bot } from "../app/types.ts";
import { CliError, EXIT } from "../cli/cli-io.ts";
import { checkGroupCatalogue } from "./check-group-catalogue.ts";
import { checkKey } from "./check-key.ts";
import { checkSiteSettings } from "./check-site-settings.ts";
import type { CheckItem, Confirm } from "./checklist.ts";
import { ensureBotAccounts } from "./ensure-bot-accounts.ts";
import { ensureWebhook } from "./ensure-webhook.ts";
import { ensureGitIgnored, readEnvFile, writeEnvFile } from "./env-file.ts";
import { createOperatorClient } from "./operator-client.ts";
import type { Prompter } from "./prompter.ts";
import { readSetting, writeSettingsFile } from "./settings-file.ts";

export interface SetupOptions {
  /** The process environment (flags win over it, it wins over the env file). */
  env: Record<string, string | undefined>;
  bots: readonly Bot[];
  /** Where secrets are written. @defaultValue ".env" */
  envFile: string;
  /** The settings file (KINDRED_CONFIG, else kindred.local.yaml). */
  configFile: string;
  forumUrl?: string;
  apiKey?: string;
  publicUrl?: string;
  /** Answer yes to every change and ask nothing (for scripts). */
  yes: boolean;
  /** Needed unless `yes`. */
  prompter?: Prompter;
  /** Redis prefix of the API budget shared with the running Kindred. */
  prefix: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * `kindred setup`: connects a forum in one go and returns the checklist. Changes on the forum are
 * made only where they are missing, so a second run changes nothing: the same webhook is kept, and
 * the secrets already in the env file are reused. Secrets are written to the env file (0600), never
 * printed.
 */
export async function runSetup(options: SetupOptions): Promise<CheckItem[]> {
  const envFile = resolve(options.envFile);
  const configFile = resolve(options.configFile);
  const saved = readEnvFile(envFile);
  const env = { ...saved, ...options.env };
  const need = async (value: string | undefined, name: string, question: string, secret = false): Promise<string> => {
    if (value) return value;
    if (options.yes || !options.prompter) throw new CliError(`[setup] ${name} is needed: set it in the environment or pass its flag`, EXIT.config);
    const answer = await options.prompter.ask(question, { secret });
    if (!answer) throw new CliError(`[setup] ${name} is needed`, EXIT.config);
    return answer;
  };
  const forumUrl = (await need(options.forumUrl ?? env.DISCOURSE_URL, "DISCOURSE_URL", "The forum's address (https://…)")).replace(/\/+$/, "");
  const apiKey = await need(options.apiKey ?? env.DISCOURSE_API_KEY, "DISCOURSE_API_KEY", "An admin API key (All Users, Global scope; not shown as you type)", true);
  const knownPublicUrl = options.publicUrl ?? env.PUBLIC_URL ?? (readSetting(configFile, "http.publicUrl") as string | undefined);
  const publicUrl = (await need(knownPublicUrl, "PUBLIC_URL", "Where Discourse reaches this Kindred (https://…)")).replace(/\/+$/, "");
  for (const [name, url] of [["DISCOURSE_URL", forumUrl], ["PUBLIC_URL", publicUrl]]) {
    if (!/^https?:\/\/[^/\s]+/.test(url)) throw new CliError(`[setup] ${name} must be an http(s) address, e.g. https://forum.example.org`, EXIT.config);
  }
  const secrets = {
    WEBHOOK_SECRET: env.WEBHOOK_SECRET || randomBytes(24).toString("hex"),
    DISCOURSE_CONNECT_SECRET: env.DISCOURSE_CONNECT_SECRET || randomBytes(24).toString("hex"),
  };
  const finalEnv = { ...env, DISCOURSE_URL: forumUrl, DISCOURSE_API_KEY: apiKey, ...secrets, KINDRED_CONFIG: existsSync(configFile) ? configFile : undefined };
  const config = loadConfig(finalEnv);
  const confirm: Confirm = options.yes || !options.prompter ? async () => true : (q) => (options.prompter as Prompter).confirm(q);

  const client = await createOperatorClient({ config, bots: options.bots, prefix: options.prefix, fetch: options.fetch });
  const items: CheckItem[] = [];
  try {
    items.push(...(await checkKey(client)));
    // The secrets are saved before the forum is changed, so an interrupted run is resumed with them.
    const envChanged = writeEnvFile(envFile, { DISCOURSE_URL: forumUrl, DISCOURSE_API_KEY: apiKey, ...secrets, KINDRED_CONFIG: configFile });
    items.push({ status: envChanged ? "done" : "ok", area: "secrets", line: `${envChanged ? "wrote" : "kept"} ${envFile} (owner-only, mode 0600; the secrets are not printed)` });
    if (!ensureGitIgnored(envFile)) items.push({ status: "todo", area: "secrets", line: `keep ${envFile} out of version control and backups others can read` });
    items.push(...(await ensureBotAccounts(client, { apply: true, confirm })));
    const webhook = await ensureWebhook(client, { payloadUrl: `${publicUrl}/webhooks/discourse`, secret: secrets.WEBHOOK_SECRET, apply: true });
    items.push(...webhook.items);
    const settings = await checkSiteSettings(client, { apply: true, confirm, publicUrl, connectSecret: secrets.DISCOURSE_CONNECT_SECRET });
    items.push(...settings.items);
    items.push(...(await checkGroupCatalogue(client)));
    const current = readSetting(configFile, "onboarding.startOn");
    const startOn = settings.mustApproveUsers ? "user_approved" : current === "user_confirmed_email" ? current : "user_created";
    const settingsChanged = writeSettingsFile(configFile, { "http.publicUrl": publicUrl, "onboarding.startOn": startOn });
    items.push({ status: settingsChanged ? "done" : "ok", area: "config", line: `${settingsChanged ? "wrote" : "kept"} ${configFile} (http.publicUrl, onboarding.startOn: ${startOn})` });
    loadConfig({ ...finalEnv, KINDRED_CONFIG: configFile });
    items.push({ status: "ok", area: "config", line: "kindred config check accepts the result" });
    items.push({ status: "todo", area: "start", line: envFile.endsWith("/.env") && resolve(".env") === envFile ? "start Kindred: npm start (it reads .env)" : `start Kindred with the new settings: node --env-file=${envFile} plugins/cli/kindred.ts start` });
  } finally {
    await client.close();
  }
  return items;
}
