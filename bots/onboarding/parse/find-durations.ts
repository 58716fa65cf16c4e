import { blank } from "./fold-text.ts";
import { NUMBER_WORD_PATTERN, readNumber } from "./number-words.ts";

export interface FoundDuration {
  start: number;
  end: number;
  days: number;
}

const UNITS: Array<[RegExp, number]> = [
  [/^(days?|dias?|jours?)$/, 1],
  [/^(weeks?|wks?|semanas?|semaines?)$/, 7],
  [/^(months?|mos?|mes|meses|mois)$/, 30],
  [/^(years?|yrs?|anos?|ans?|annees?)$/, 365],
];
const UNIT = "days?|dias?|jours?|weeks?|wks?|semanas?|semaines?|months?|mos?|meses|mes|mois|years?|yrs?|anos?|ans?|annees?";
const HALF = "and a half|y medio|y media|et demi|et demie";
const NUM = `\\d{1,4}|${NUMBER_WORD_PATTERN}`;
const B = "(?<![\\p{L}\\p{N}])";
const E = "(?![\\p{L}\\p{N}])";

/** Slogans and frequencies that contain a duration but say nothing about time in recovery. */
const NOT_DURATIONS = new RegExp(
  `${B}(one day at a time|a day at a time|un dia a la vez|un jour a la fois|(once|twice|\\d+ times|every|each|per|cada|par) (a |an |one |uno |una |un |une )?(${UNIT}))${E}`,
  "gu",
);
const RANGE = new RegExp(`${B}(\\d{1,4})\\s*(?:-|to|a|à)\\s*(\\d{1,4})\\s+(${UNIT})${E}`, "gu");
const SINGLE = new RegExp(`${B}(?:(${NUM})\\s+(?:of\\s+|de\\s+)?(${UNIT})(?:\\s+(${HALF}))?|half\\s+an?\\s+(year|month)|(?:day|dia|jour)\\s+(\\d{1,4}))${E}`, "gu");

/**
 * Finds how long someone says they have been at it: "about 3 weeks", "two months", "a year and a
 * half", "6 mo", "day 12", "30-90 days" (a range counts as its middle), "tres semanas", "deux mois".
 * "One day at a time" and "once a week" are not durations. Returns the durations in days and the
 * text with their spans blanked.
 *
 * @example findDurations("smart about 3 weeks").durations[0].days // 21
 */
export function findDurations(text: string): { durations: FoundDuration[]; rest: string } {
  let rest = text;
  for (const m of [...rest.matchAll(NOT_DURATIONS)]) rest = blank(rest, m.index ?? 0, (m.index ?? 0) + m[0].length);
  const durations: FoundDuration[] = [];
  for (const m of [...rest.matchAll(RANGE)]) {
    const per = unitDays(m[3]);
    const start = m.index ?? 0;
    rest = blank(rest, start, start + m[0].length);
    if (per !== undefined) durations.push({ start, end: start + m[0].length, days: Math.round(((+m[1] + +m[2]) / 2) * per) });
  }
  for (const m of [...rest.matchAll(SINGLE)]) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    let days: number | undefined;
    if (m[5]) days = Number(m[5]);
    else if (m[4]) days = m[4] === "year" ? 182 : 15;
    else {
      const n = readNumber(m[1]);
      const per = unitDays(m[2]);
      if (n !== undefined && per !== undefined) days = Math.round((n + (m[3] ? 0.5 : 0)) * per);
    }
    rest = blank(rest, start, end);
    if (days !== undefined) durations.push({ start, end, days });
  }
  durations.sort((a, b) => a.start - b.start);
  return { durations, rest };
}

function unitDays(unit: string): number | undefined {
  return UNITS.find(([re]) => re.test(unit))?.[1];
}
