/** "4 min", "3 h 05 min", "2 d 4 h": ages moderators read at a glance. */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, "0")} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** `2026-01-05 12:00 UTC`. */
export function formatTime(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—";
}

/** Minutes with one decimal, or "n/a". */
export function formatMinutes(value: number | null): string {
  return value === null || Number.isNaN(value) ? "n/a" : `${value.toFixed(1)} min`;
}

/** A share as a whole percentage, or "n/a" when nothing was counted. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${Math.round((part / whole) * 100)}%`;
}
