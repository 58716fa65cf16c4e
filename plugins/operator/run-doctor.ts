import type { Config } from "../../config/index.ts";
import type { Bot } from "../app/types.ts";
import { checkGroupCatalogue } from "./check-group-catalogue.ts";
import { checkKey } from "./check-key.ts";
import { checkSiteSettings } from "./check-site-settings.ts";
import type { CheckItem } from "./checklist.ts";
import { ensureBotAccounts } from "./ensure-bot-accounts.ts";
import { ensureWebhook } from "./ensure-webhook.ts";
import { createOperatorClient } from "./operator-client.ts";
import { webhookHealth } from "./webhook-health.ts";

export interface DoctorOptions {
  config: Config;
  bots: readonly Bot[];
  prefix: string;
  /** Send the failed deliveries of the last 24 h again. */
  redeliver: boolean;
  now: Date;
  fetch?: typeof globalThis.fetch;
}

/**
 * `kindred doctor`: setup's checks, changing nothing on the forum, plus webhook delivery health
 * from the forum's event log (and, with `redeliver`, sending the failed ones again).
 */
export async function runDoctor(options: DoctorOptions): Promise<CheckItem[]> {
  const { config } = options;
  const client = await createOperatorClient({ config, bots: options.bots, prefix: options.prefix, fetch: options.fetch });
  const never = async () => false;
  const items: CheckItem[] = [];
  try {
    items.push(...(await checkKey(client)));
    items.push(...(await ensureBotAccounts(client, { apply: false, confirm: never })));
    const publicUrl = config.http.publicUrl?.replace(/\/+$/, "");
    let hookId: number | undefined;
    if (publicUrl && config.secrets.webhookSecrets[0]) {
      const webhook = await ensureWebhook(client, { payloadUrl: `${publicUrl}/webhooks/discourse`, secret: config.secrets.webhookSecrets[0], apply: false });
      items.push(...webhook.items);
      hookId = webhook.id;
    } else {
      items.push({ status: "fail", area: "webhook", line: "http.publicUrl is not set: Kindred cannot tell which webhook is its own (run kindred setup)" });
    }
    const settings = await checkSiteSettings(client, { apply: false, confirm: never, publicUrl, connectSecret: config.secrets.discourseConnectSecret });
    items.push(...settings.items);
    const startOn = config.onboarding.startOn;
    if (config.enabledBots.includes("onboarding") && settings.mustApproveUsers && startOn === "user_created") {
      items.push({ status: "fail", area: "config", line: "must_approve_users is on but onboarding.startOn is user_created: members would be welcomed before approval (set user_approved)" });
    }
    items.push(...(await checkGroupCatalogue(client)));
    if (hookId !== undefined) items.push(...(await webhookHealth(client, hookId, { now: options.now, redeliver: options.redeliver })));
  } finally {
    await client.close();
  }
  return items;
}
