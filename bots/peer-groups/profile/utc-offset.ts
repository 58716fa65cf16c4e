/**
 * A time zone's UTC offset at one instant, in minutes (DST included), or undefined for an unknown
 * zone. Intl is slow to build, so formatters are kept per zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

export function utcOffsetMinutes(timeZone: string | null | undefined, at: Date): number | undefined {
  if (!timeZone) return undefined;
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  if (!formatter) return undefined;
  const name = formatter.formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // "GMT" alone is UTC
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}
