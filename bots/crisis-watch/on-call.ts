/** One moderator on the escalation rota. */
export interface RotaEntry {
  username: string;
  timezone: string;
  /** Local hours, "HH:MM-HH:MM"; may wrap past midnight ("22:00-06:00"). */
  hours: string;
}

/** The rota's moderators on duty at `now`, in rota order (their own time zone decides). */
export function onCall(rota: readonly RotaEntry[], now: Date): RotaEntry[] {
  return rota.filter((entry) => isWithinHours(entry.hours, localMinutes(now, entry.timezone)));
}

function localMinutes(now: Date, timezone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  }
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}

function isWithinHours(hours: string, minutes: number): boolean {
  const [from, to] = hours.split("-").map((hm) => {
    const [h, m] = hm.split(":").map(Number);
    return h * 60 + m;
  });
  if (from === to) return true;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}
