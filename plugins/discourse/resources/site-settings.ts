import type { SiteSettingsResponse } from "../types/site-settings.ts";
import type { CallOptions, ResourceDeps } from "./bound-call.ts";

export interface SiteSettingMethods {
  /** `GET /admin/site_settings.json?filter=` (e.g. "retry_web_hook_events", "discourse_narrative_bot"). */
  getSiteSettings(filter?: string, options?: CallOptions): Promise<SiteSettingsResponse>;
  /** `PUT /admin/site_settings/:name.json` with `{ [name]: value }` (how Discourse reads it). */
  updateSiteSetting(name: string, value: string | number | boolean, options?: CallOptions): Promise<void>;
}

export function createSiteSettingMethods({ call }: ResourceDeps): SiteSettingMethods {
  return {
    getSiteSettings: (filter, options) =>
      call({ method: "GET", path: "/admin/site_settings.json", query: { filter }, signal: options?.signal }),
    updateSiteSetting: async (name, value, options) => {
      await call({
        method: "PUT",
        path: `/admin/site_settings/${encodeURIComponent(name)}.json`,
        body: { [name]: value },
        signal: options?.signal,
      });
    },
  };
}
