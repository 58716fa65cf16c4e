import { DiscourseApiError } from "../discourse/index.ts";
import type { CheckItem, Confirm } from "./checklist.ts";
import type { OperatorClient } from "./operator-client.ts";

export interface SiteSettingsCheck {
  items: CheckItem[];
  /** `must_approve_users`: onboarding must then start on `user_approved`. */
  mustApproveUsers: boolean;
}

export interface SiteSettingsOptions {
  apply: boolean;
  confirm: Confirm;
  /** Kindred's public address: its host is what DiscourseConnect's secret is keyed by. */
  publicUrl?: string;
  /** DISCOURSE_CONNECT_SECRET, for the /admin sign-in. */
  connectSecret?: string;
}

/**
 * The forum settings Kindred depends on (issue #7): it turns on what Kindred needs to work reliably
 * (`retry_web_hook_events`, the DiscourseConnect provider for /admin) when allowed, and only reports
 * what is the community's decision (discobot's welcome, the user directory).
 */
export async function checkSiteSettings(client: OperatorClient, options: SiteSettingsOptions): Promise<SiteSettingsCheck> {
  const { admin, config } = client;
  const all = (await admin.getSiteSettings()).site_settings;
  const value = (name: string) => all.find((s) => s.setting === name)?.value;
  const on = (name: string) => String(value(name)) === "true";
  const items: CheckItem[] = [];
  const change = async (name: string, to: string | boolean, question: string): Promise<boolean> => {
    if (!options.apply || !(await options.confirm(question))) return false;
    await admin.updateSiteSetting(name, to);
    return true;
  };

  if (on("retry_web_hook_events")) items.push({ status: "ok", area: "settings", line: "retry_web_hook_events is on" });
  else if (await change("retry_web_hook_events", true, "Turn on retry_web_hook_events (Discourse otherwise sends each event once)?")) {
    items.push({ status: "done", area: "settings", line: "turned on retry_web_hook_events (failed deliveries are retried 4 times)" });
  } else items.push({ status: "todo", area: "settings", line: "turn on retry_web_hook_events: without it Discourse sends each event once and a failed delivery is lost" });

  if (value("discourse_narrative_bot_enabled") !== undefined && on("discourse_narrative_bot_enabled") && !on("disable_discourse_narrative_bot_welcome_post")) {
    items.push({ status: "todo", area: "settings", line: "discobot also welcomes newcomers: turn on disable_discourse_narrative_bot_welcome_post so they get one welcome, not two" });
  } else items.push({ status: "ok", area: "settings", line: "discobot sends no welcome post of its own" });

  if (config.enabledBots.includes("weekly-digest") && value("enable_user_directory") !== undefined && !on("enable_user_directory")) {
    items.push({ status: "todo", area: "settings", line: "enable_user_directory is off: the weekly digest's \"who helped this week\" reads the user directory" });
  }

  const mustApproveUsers = on("must_approve_users");
  items.push({
    status: "ok",
    area: "settings",
    line: mustApproveUsers ? "must_approve_users is on: onboarding starts when staff approve a member (user_approved)" : "must_approve_users is off: onboarding starts when a member signs up (user_created)",
  });

  for (const group of new Set(["moderators", config.crisis.alertGroup])) {
    try {
      await admin.getGroup(group);
      items.push({ status: "ok", area: "groups", line: `the ${group} group exists (crisis alerts go to ${config.crisis.alertGroup})` });
    } catch (error) {
      if (!(error instanceof DiscourseApiError && error.status === 404)) throw error;
      items.push({ status: "fail", area: "groups", line: `the forum has no "${group}" group: crisis alerts are sent to crisis.alertGroup (${config.crisis.alertGroup})` });
    }
  }

  items.push(...(await checkDiscourseConnect(client, options, value, change)));
  return { items, mustApproveUsers };
}

async function checkDiscourseConnect(
  client: OperatorClient,
  options: SiteSettingsOptions,
  value: (name: string) => unknown,
  change: (name: string, to: string | boolean, question: string) => Promise<boolean>,
): Promise<CheckItem[]> {
  if (!client.config.admin.enabled) return [];
  if (!options.publicUrl || !options.connectSecret) {
    return [{ status: "todo", area: "admin page", line: "set PUBLIC_URL and DISCOURSE_CONNECT_SECRET so moderators can sign in to /admin" }];
  }
  const items: CheckItem[] = [];
  if (String(value("enable_discourse_connect_provider")) === "true") items.push({ status: "ok", area: "admin page", line: "the forum is a DiscourseConnect provider" });
  else if (await change("enable_discourse_connect_provider", true, "Turn on enable_discourse_connect_provider (moderators sign in to /admin through the forum)?")) {
    items.push({ status: "done", area: "admin page", line: "turned on enable_discourse_connect_provider" });
  } else return [{ status: "todo", area: "admin page", line: "turn on enable_discourse_connect_provider so moderators can sign in to /admin" }];

  const host = new URL(options.publicUrl).hostname;
  const lines = String(value("discourse_connect_provider_secrets") ?? "").split("\n").filter((row) => row.trim() !== "");
  const ours = lines.filter((row) => row.split("|", 1)[0].trim().toLowerCase() === host.toLowerCase());
  const wanted = `${host}|${options.connectSecret}`;
  if (ours.length === 1 && ours[0] === wanted) {
    items.push({ status: "ok", area: "admin page", line: `discourse_connect_provider_secrets has ${host}'s line` });
  } else if (ours.length > 0) {
    items.push({ status: "todo", area: "admin page", line: `discourse_connect_provider_secrets has a line for ${host} with another secret: replace it with ${host}|<DISCOURSE_CONNECT_SECRET from .env>` });
  } else if (/FILTERED|^\*+$/.test(lines.join(""))) {
    // A masked value cannot be extended without wiping the other sites' lines.
    items.push({ status: "todo", area: "admin page", line: `add the line ${host}|<DISCOURSE_CONNECT_SECRET from .env> to discourse_connect_provider_secrets` });
  } else if (await change("discourse_connect_provider_secrets", [...lines, wanted].join("\n"), `Add ${host} to discourse_connect_provider_secrets?`)) {
    items.push({ status: "done", area: "admin page", line: `added ${host} to discourse_connect_provider_secrets` });
  } else {
    items.push({ status: "todo", area: "admin page", line: `add the line ${host}|<DISCOURSE_CONNECT_SECRET from .env> to discourse_connect_provider_secrets` });
  }
  return items;
}
