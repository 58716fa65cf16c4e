import ct from "countries-and-timezones";

/**
 * The country a Discourse time zone belongs to (e.g. "Europe/Dublin" → "IE"). A locale names a
 * language, not a country, so it is never used for this. Undefined for zones like "UTC" or "Etc/GMT+5".
 */
export function countryFromTimezone(timezone: string | undefined | null): string | undefined {
  if (!timezone) return undefined;
  const countries = ct.getTimezone(timezone)?.countries ?? [];
  return countries[0];
}
