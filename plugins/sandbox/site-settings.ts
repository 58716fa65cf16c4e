import type { SandboxState } from "./state.ts";
import type { SiteSettingRecord } from "./types.ts";

type Def = Omit<SiteSettingRecord, "value">;

/**
 * The site settings the sandbox models, with Discourse's defaults (config/site_settings.yml and
 * the narrative-bot plugin's settings). These are the ones Kindred reads or checks.
 */
const DEFINITIONS: Def[] = [
  { setting: "title", type: "string", default: "Kindred Sandbox", category: "required", description: "The name of this site." },
  { setting: "must_approve_users", type: "bool", default: false, category: "login", description: "Staff must approve all new user accounts before they are allowed to access the site." },
  { setting: "enable_user_directory", type: "bool", default: true, category: "users", description: "Provide a directory of users for browsing." },
  { setting: "enable_group_directory", type: "bool", default: true, category: "groups", description: "Provide a directory of groups for browsing." },
  { setting: "retry_web_hook_events", type: "bool", default: false, category: "api", description: "Automatically retry failed web hook events for 4 times. Time gaps between the retries are 1, 5, 25 and 125 minutes." },
  { setting: "retain_web_hook_events_period_days", type: "integer", default: 30, category: "api", description: "Number of days to retain web hook event records." },
  { setting: "discourse_narrative_bot_enabled", type: "bool", default: true, category: "plugins", description: "Enable the discourse narrative bot (discobot)." },
  { setting: "disable_discourse_narrative_bot_welcome_post", type: "bool", default: false, category: "plugins", description: "Disable the welcome post by discourse narrative bot." },
  { setting: "discourse_narrative_bot_welcome_post_type", type: "enum", default: "new_user_track", choices: ["new_user_track", "welcome_message"], category: "plugins", description: "Type of welcome post that discourse narrative bot should send out." },
  { setting: "enable_discourse_connect_provider", type: "bool", default: false, category: "login", description: "Implement the DiscourseConnect provider protocol at the /session/sso_provider endpoint." },
  { setting: "discourse_connect_provider_secrets", type: "string", default: "", category: "login", description: "Pipe-separated domain|secret pairs, one per line, for DiscourseConnect provider requests." },
  { setting: "max_personal_messages_per_day", type: "integer", default: 20, category: "rate_limits", description: "Maximum number of new personal message topics a user may create per day." },
  { setting: "max_flags_per_day", type: "integer", default: 20, category: "rate_limits", description: "Maximum number of flags per user per day." },
  { setting: "max_allowed_message_recipients", type: "integer", default: 30, category: "rate_limits", description: "Maximum recipients allowed in a message." },
  { setting: "approve_unless_trust_level", type: "integer", default: 0, category: "posting", description: "Posts for users below this trust level must be approved." },
  { setting: "approve_post_count", type: "integer", default: 0, category: "posting", description: "The amount of posts from a new or basic user that must be approved." },
  { setting: "min_post_length", type: "integer", default: 20, category: "posting", description: "Minimum allowed post length in characters." },
  { setting: "min_personal_message_post_length", type: "integer", default: 10, category: "posting", description: "Minimum allowed post length in characters for messages." },
  { setting: "min_topic_title_length", type: "integer", default: 15, category: "posting", description: "Minimum allowed topic title length in characters." },
  { setting: "min_personal_message_title_length", type: "integer", default: 2, category: "posting", description: "Minimum allowed title length for a message in characters." },
  { setting: "reviewable_claiming", type: "enum", default: "disabled", choices: ["disabled", "optional", "required"], category: "spam", description: "Does reviewable content need to be claimed before it can be acted upon?" },
];

/** Installs every modelled setting at its default. */
export function installSiteSettings(state: SandboxState): void {
  for (const def of DEFINITIONS) state.siteSettings.set(def.setting, { ...def, value: def.default });
}

/** Parses a submitted value for a setting's type; returns undefined when it does not fit. */
export function coerceSetting(record: SiteSettingRecord, value: unknown): SiteSettingRecord["value"] | undefined {
  const text = String(value ?? "");
  switch (record.type) {
    case "bool":
      if (value === true || text === "true") return true;
      if (value === false || text === "false") return false;
      return undefined;
    case "integer":
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case "enum":
      return record.choices?.includes(text) ? text : undefined;
    default:
      return text;
  }
}
