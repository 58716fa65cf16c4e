/** `GET /admin/site_settings.json` (not in the spec): one setting as `SiteSettingSerializer`-ish hashes. */
export interface SiteSetting {
  setting: string;
  value: string | number | boolean | null;
  default?: string | number | boolean | null;
  description?: string;
  type?: string;
  category?: string;
  preview?: string | null;
  secret?: boolean;
  plugin?: string;
}

export interface SiteSettingsResponse {
  site_settings: SiteSetting[];
}
