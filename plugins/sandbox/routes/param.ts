import { notFound } from "../errors.ts";

/** A numeric path id, or 404 as Discourse answers for ids that cannot exist. */
export function idParam(value: unknown): number {
  const id = Number(value);
  if (!Number.isInteger(id)) throw notFound();
  return id;
}

/** A query/body value as a trimmed string ('' when absent). */
export function str(value: unknown): string {
  if (Array.isArray(value)) return str(value[0]);
  return value === undefined || value === null ? "" : String(value).trim();
}

/** A non-negative integer query value, or the fallback. */
export function intQuery(value: unknown, fallback: number): number {
  const n = Number(str(value));
  return str(value) !== "" && Number.isInteger(n) && n >= 0 ? n : fallback;
}
