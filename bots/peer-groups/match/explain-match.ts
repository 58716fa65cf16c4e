import { AUDIENCE_WORDS, PATH_WORDS } from "../catalogue/vocabulary.ts";
import type { MatchProfile } from "../profile/match-profile.ts";
import { describeDays } from "../profile/recovery-stage.ts";
import type { CompiledCatalogue } from "./compile-catalogue.ts";
import { describeStages } from "./describe-stages.ts";
import { type MeetingLocal, meetingsInLocalTime } from "./time-fit.ts";
import { EVENING_HOURS, offsetSlot } from "./weights.ts";

const DAY_WORDS: Record<string, string> = { mon: "Mondays", tue: "Tuesdays", wed: "Wednesdays", thu: "Thursdays", fri: "Fridays", sat: "Saturdays", sun: "Sundays" };

function clock(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m ? `:${String(m).padStart(2, "0")}` : ""}${h < 12 ? "am" : "pm"}`;
}

function partOfDay(minute: number): string {
  const h = minute / 60;
  if (h >= 5 && h < 12) return "mornings";
  if (h >= 12 && h < EVENING_HOURS.from) return "afternoons";
  if (h >= EVENING_HOURS.from && h < EVENING_HOURS.to) return "evenings";
  return "nights";
}

function meetingClause(local: MeetingLocal[], fits: boolean): string {
  const days = [...new Set(local.map((m) => DAY_WORDS[m.day]))].join(" and ");
  return fits ? `it meets ${days} at ${clock(local[0].minute)} your time, in your ${partOfDay(local[0].minute)}` : `note that it meets at ${clock(local[0].minute)} your time`;
}

/**
 * Why a group was suggested, as clauses a member reads ("you said you are two weeks in, and this
 * group is for the first 90 days"); what does not fit is said last, plainly. Nothing here names
 * other members.
 */
export function explainMatch(catalogue: CompiledCatalogue, index: number, profile: MatchProfile): string[] {
  const compiled = catalogue.groups[index];
  const g = compiled.group;
  const reasons: string[] = [];
  const caveats: string[] = [];
  if (g.for.audience === "family") {
    reasons.push(profile.forWhom === "other" || profile.forWhom === "both" ? "you said you are here for someone you care about" : "you asked for a space for family and friends");
  } else if (g.for.audience) {
    reasons.push(`you asked for ${AUDIENCE_WORDS[g.for.audience]}`);
  }
  if (profile.stage && g.for.stages.length > 0) {
    if (g.for.stages.includes(profile.stage)) {
      const said = profile.daysInRecovery !== undefined ? `you are ${describeDays(profile.daysInRecovery)} in` : `you are in ${describeStages([profile.stage])}`;
      reasons.push(`you said ${said}, and this group is for ${describeStages(g.for.stages)}`);
    } else caveats.push(`it is meant for ${describeStages(g.for.stages)}`);
  }
  if (profile.utcOffsetMinutes !== undefined) {
    const fit = compiled.timeFit[offsetSlot(profile.utcOffsetMinutes)];
    if (g.band && fit !== 0) {
      const label = catalogue.catalogue.timeBands[g.band].label;
      if (fit > 0) reasons.push(`it is for members in ${label}, like you`);
      else caveats.push(`it is mostly for members in ${label}`);
    } else if (g.meetings && fit !== 0) {
      const all = meetingsInLocalTime(g, profile.utcOffsetMinutes, catalogue.at, compiled.meetingOffset);
      const inDay = (m: MeetingLocal) => m.minute >= catalogue.awake.from * 60 && m.minute < catalogue.awake.to * 60;
      const evening = (m: MeetingLocal) => m.minute >= EVENING_HOURS.from * 60 && m.minute < EVENING_HOURS.to * 60;
      const local = fit === 2 ? all.filter(evening) : fit === 1 ? all.filter(inDay) : all;
      if (fit > 0) reasons.push(meetingClause(local, true));
      else caveats.push(meetingClause(local, false));
    }
  }
  const path = profile.paths.find((p) => g.for.paths.includes(p));
  if (path) reasons.push(`you follow ${PATH_WORDS[path]}, like this group`);
  else if (g.for.paths.length === 0 && profile.paths.length > 0) reasons.push("it welcomes every recovery path");
  else if (g.for.paths.length > 0 && profile.paths.some((p) => p !== "exploring")) caveats.push(`it follows ${PATH_WORDS[g.for.paths[0]]}`);
  const substance = profile.substances.find((s) => g.for.substances.includes(s));
  if (substance) reasons.push(`it focuses on ${substance}, which you mentioned`);
  else if (g.for.substances.length > 0 && profile.substances.length > 0) caveats.push(`it focuses on ${g.for.substances.join(" and ")}`);
  if (profile.terms && profile.terms.size > 0) {
    const shared = [...profile.terms.keys()]
      .filter((t) => catalogue.postings.get(t)?.some(([i]) => i === index))
      .sort((a, b) => (profile.terms?.get(b) ?? 0) - (profile.terms?.get(a) ?? 0))
      .slice(0, 2)
      .map((t) => catalogue.surface.get(t) ?? t);
    if (shared.length > 0) reasons.push(`you have written about ${shared.join(" and ")}, which this group talks about too`);
  }
  return [...reasons, ...caveats];
}

/** The first two reasons as one sentence, capitalised and ending in a full stop. */
export function reasonSentence(reasons: readonly string[]): string {
  if (reasons.length === 0) return "It is open to everyone and has room.";
  const text = reasons.slice(0, 2).join(", and ");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}
