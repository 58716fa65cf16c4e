import { addDays, daysBetween, isoDate } from "../zoned-time.ts";
import { blank } from "./fold-text.ts";
import { NUMBER_WORD_PATTERN, readNumber } from "./number-words.ts";

export interface DateContext {
  /** The member's local day, "YYYY-MM-DD". */
  today: string;
  /** How "03/04/2026" is read. */
  dateOrder: "mdy" | "dmy";
}

export interface FoundDate {
  start: number;
  end: number;
  /** "YYYY-MM-DD", never in the future. */
  date: string;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9,
  setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9,
  octobre: 10, novembre: 11, decembre: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6,
  dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6,
};
const UNIT_DAYS: Array<[RegExp, number]> = [
  [/^(days?|dias?|jours?)$/, 1],
  [/^(weeks?|wks?|semanas?|semaines?)$/, 7],
  [/^(months?|mos?|mes|meses|mois)$/, 30],
  [/^(years?|yrs?|anos?|ans?|annees?)$/, 365],
];

const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join("|");
const WEEKDAY = Object.keys(WEEKDAYS).join("|");
const NUM = `\\d{1,3}|${NUMBER_WORD_PATTERN}`;
const UNIT = "days?|dias?|jours?|weeks?|wks?|semanas?|semaines?|months?|mos?|meses|mes|mois|years?|yrs?|anos?|ans?|annees?";
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

type Reader = (m: RegExpExecArray, ctx: DateContext) => string | undefined;

/** Each pattern and how it becomes a calendar day; the more specific ones run first. */
const PATTERNS: Array<[RegExp, Reader]> = [
  [new RegExp(`${B}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${E}`, "gu"), (m) => valid(+m[1], +m[2], +m[3])],
  [
    new RegExp(`${B}(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2}|\\d{4})${E}`, "gu"),
    (m, ctx) => numeric(+m[1], +m[2], yearOf(m[3]), ctx),
  ],
  // "24/7" is a phrase, not the 24th of July.
  [new RegExp(`${B}(\\d{1,2})/(\\d{1,2})${E}`, "gu"), (m, ctx) => (m[0] === "24/7" ? undefined : numeric(+m[1], +m[2], undefined, ctx))],
  [
    new RegExp(`${B}(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${E}`, "gu"),
    (m, ctx) => dayOf(MONTHS[m[1]], +m[2], m[3] ? +m[3] : undefined, ctx),
  ],
  [
    new RegExp(`${B}(\\d{1,2})(?:st|nd|rd|th|er|o)?\\s+(?:of\\s+|de\\s+)?(${MONTH})${E}\\.?(?:,?\\s+(?:de\\s+)?(\\d{4}))?`, "gu"),
    (m, ctx) => dayOf(MONTHS[m[2]], +m[1], m[3] ? +m[3] : undefined, ctx),
  ],
  [new RegExp(`${B}(today|hoy|aujourd ?'?hui)${E}`, "gu"), (_m, ctx) => ctx.today],
  [new RegExp(`${B}(yesterday|ayer|hier)${E}`, "gu"), (_m, ctx) => addDays(ctx.today, -1)],
  [
    new RegExp(`${B}(?:(${NUM})\\s+(${UNIT})\\s+ago|(?:hace|il y a)\\s+(${NUM})\\s+(${UNIT}))${E}`, "gu"),
    (m, ctx) => ago(m[1] ?? m[3], m[2] ?? m[4], ctx),
  ],
  [
    new RegExp(`${B}(?:(?:since|last|this past|desde el|desde|el|depuis|le)\\s+)(${WEEKDAY})(?:\\s+(?:pasado|dernier))?${E}|${B}(${WEEKDAY})\\s+(?:pasado|dernier)${E}`, "gu"),
    (m, ctx) => lastWeekday(WEEKDAYS[m[1] ?? m[2]], ctx),
  ],
];

/**
 * Finds the calendar days a member wrote ("2026-01-10", "since March 3", "3 de marzo", "le 3 mars",
 * "sober since last Tuesday", "2 weeks ago", "hace 3 semanas", "yesterday"), reading them in the
 * member's own time zone. Dates in the future or that do not exist are left out. Returns the days
 * found and the text with their spans blanked, so nothing reads them twice.
 *
 * @example findDates("since march 3", { today: "2026-04-01", dateOrder: "mdy" }).dates[0].date // "2026-03-03"
 */
export function findDates(folded: string, ctx: DateContext): { dates: FoundDate[]; rest: string } {
  let rest = folded;
  const dates: FoundDate[] = [];
  for (const [pattern, read] of PATTERNS) {
    pattern.lastIndex = 0;
    for (const m of [...rest.matchAll(pattern)]) {
      const date = read(m as RegExpExecArray, ctx);
      const start = m.index ?? 0;
      const end = start + m[0].length;
      rest = blank(rest, start, end);
      if (date && date <= ctx.today && date >= "1900-01-01") dates.push({ start, end, date });
    }
  }
  dates.sort((a, b) => a.start - b.start);
  return { dates, rest };
}

function valid(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const iso = isoDate(year, month, day);
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : undefined;
}

function yearOf(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** 03/04: month first unless the config says otherwise, or unless the first part cannot be a month. */
function numeric(a: number, b: number, year: number | undefined, ctx: DateContext): string | undefined {
  const [month, day] = a > 12 ? [b, a] : b > 12 ? [a, b] : ctx.dateOrder === "mdy" ? [a, b] : [b, a];
  return dayOf(month, day, year, ctx);
}

/** Without a year, the most recent such day that is not in the future. */
function dayOf(month: number, day: number, year: number | undefined, ctx: DateContext): string | undefined {
  const thisYear = Number(ctx.today.slice(0, 4));
  if (year !== undefined) return valid(year, month, day);
  const candidate = valid(thisYear, month, day);
  if (candidate && candidate <= ctx.today) return candidate;
  return valid(thisYear - 1, month, day);
}

function ago(amount: string, unit: string, ctx: DateContext): string | undefined {
  const n = readNumber(amount);
  const perUnit = UNIT_DAYS.find(([re]) => re.test(unit))?.[1];
  if (n === undefined || perUnit === undefined) return undefined;
  return addDays(ctx.today, -Math.round(n * perUnit));
}

/** The most recent such weekday before today ("last Tuesday" on a Tuesday is a week ago). */
function lastWeekday(weekday: number, ctx: DateContext): string {
  const todayWeekday = new Date(`${ctx.today}T00:00:00Z`).getUTCDay();
  const back = (todayWeekday - weekday + 7) % 7 || 7;
  return addDays(ctx.today, -back);
}

/** Whole days from `date` to `today`. */
export function daysSince(date: string, today: string): number {
  return daysBetween(date, today);
}
