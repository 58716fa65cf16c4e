import { describe, expect, it } from "vitest";
import { parseIntakeReply } from "../../../bots/onboarding/parse/parse-intake-reply.ts";
import { loadConfig } from "../../../config/index.ts";

const { questions } = loadConfig({}).onboarding;
// Friday 20 March 2026 in the member's time zone.
const options = { today: "2026-03-20", dateOrder: "mdy" as const };

interface Case {
  reply: string;
  answers?: Record<string, string | string[]>;
  intent?: string;
  skipped?: string[];
  unclear?: string[];
  nothing?: boolean;
}

// Realistic replies to the intake message. Option numbers: 1–3 who for, 4–8 path, 9–17 substances,
// 18–22 time in recovery, 23–29 spaces, 30–31 weekly note, 32–33 sharing with greeters.
const CASES: Case[] = [
  // numbers
  { reply: "2, 4", answers: { whoFor: "someone", paths: ["twelve-step"] } },
  { reply: "1 3 5", answers: { whoFor: "both", paths: ["secular"] } },
  { reply: "1, 5, 9, 19, 30, 32", answers: { whoFor: "self", paths: ["secular"], substances: ["alcohol"], stage: "under-30-days", weeklyNote: "yes", shareWithGreeters: "yes" } },
  { reply: "1,4,7,10", answers: { whoFor: "self", paths: ["twelve-step", "medication"], substances: ["opioids"] } },
  { reply: "2 4 thanks!", answers: { whoFor: "someone", paths: ["twelve-step"] } },
  { reply: "1; 8; 22; 31; 33", answers: { whoFor: "self", paths: ["exploring"], stage: "over-a-year", weeklyNote: "no", shareWithGreeters: "no" } },
  { reply: "1 and 2", answers: { whoFor: "both" } },
  { reply: "42, 99", nothing: true },
  // numbered lines
  { reply: "1. both\n2. smart\n4. 2 months\n7. yes\n8. no", answers: { whoFor: "both", paths: ["secular"], stage: "30-90-days", weeklyNote: "yes", shareWithGreeters: "no" } },
  { reply: "1) my own\n2) 12 step and medication\n3) opioids", answers: { whoFor: "self", paths: ["twelve-step", "medication"], substances: ["opioids"] } },
  { reply: "1: 1, 2: 2, 4: 3", answers: { whoFor: "self", paths: ["secular"], stage: "30-90-days" } },
  { reply: "Q1 - me\nQ2 = AA", answers: { paths: ["twelve-step"] } },
  { reply: "2. 5\n3. skip", answers: { paths: ["secular"] }, skipped: ["substances"] },
  { reply: "1. purple", unclear: ["whoFor"] },
  { reply: "skip 3 and 5 please. 1, 4", answers: { whoFor: "self", paths: ["twelve-step"] }, skipped: ["substances", "spaces"] },
  // words and short phrases
  { reply: "SMART, about 3 weeks", answers: { paths: ["secular"], stage: "under-30-days" } },
  { reply: "my own recovery, AA, alcohol", answers: { whoFor: "self", paths: ["twelve-step"], substances: ["alcohol"] } },
  { reply: "Both. Faith-based. Cocaine and alcohol. Over a year.", answers: { whoFor: "both", paths: ["faith"], substances: ["alcohol", "stimulants"], stage: "over-a-year" } },
  { reply: "someone I care about, family and friends space please", answers: { whoFor: "someone", spaces: ["family-friends"] } },
  { reply: "women only and LGBTQ+", answers: { spaces: ["women", "lgbtq"] } },
  { reply: "still exploring, not sure yet", answers: { paths: ["exploring"] } },
  { reply: "suboxone, 6 months", answers: { paths: ["medication"], stage: "90-days-1-year" } },
  { reply: "not yet", answers: { stage: "not-yet" } },
  { reply: "young adults and veterans", answers: { spaces: ["young-adults", "veterans"] } },
  { reply: "none of these spaces", answers: { spaces: ["none"] } },
  { reply: "gambling", answers: { substances: ["gambling"] } },
  { reply: "weed and vaping", answers: { substances: ["cannabis", "nicotine"] } },
  { reply: "I'd rather not say what substances", answers: { substances: ["prefer-not"] } },
  // sentences
  { reply: "I'm here for my brother who drinks", answers: { whoFor: "someone", substances: ["alcohol"] } },
  { reply: "Hi! I'm Sam. I'm here for myself, doing SMART Recovery, about 3 weeks in. Thanks for this.", answers: { whoFor: "self", paths: ["secular"], stage: "under-30-days" } },
  { reply: "Me and my husband, we go to NA meetings. He's been clean 2 years.", answers: { whoFor: "both", paths: ["twelve-step"], stage: "over-a-year" } },
  { reply: "I'm not religious, so probably SMART or something secular", answers: { paths: ["secular"] } },
  { reply: "Not AA, I'm on methadone", answers: { paths: ["medication"] } },
  { reply: "no alcohol for 10 days now", answers: { substances: ["alcohol"], stage: "under-30-days" } },
  { reply: "One day at a time. NA.", answers: { paths: ["twelve-step"] } },
  { reply: "Yes to the weekly note, and happy to share with a greeter", answers: { weeklyNote: "yes", shareWithGreeters: "yes" } },
  { reply: "no weekly note please, and keep my answers private", answers: { weeklyNote: "no", shareWithGreeters: "no" } },
  { reply: "I would rather not share with greeters", answers: { shareWithGreeters: "no" } },
  { reply: "I go to meetings once a week, AA", answers: { paths: ["twelve-step"] } },
  // typos
  { reply: "alchohol and opiods, 12 step", answers: { substances: ["alcohol", "opioids"], paths: ["twelve-step"] } },
  { reply: "secualr path, gamblng", answers: { paths: ["secular"], substances: ["gambling"] } },
  { reply: "methadon and benzodiazepenes", answers: { paths: ["medication"], substances: ["sedatives"] } },
  { reply: "exploreing", answers: { paths: ["exploring"] } },
  // emoji
  { reply: "🍺🎰", answers: { substances: ["alcohol", "gambling"] } },
  { reply: "🏳️‍🌈 space please", answers: { spaces: ["lgbtq"] } },
  { reply: "🚬 + 🍷, 2", answers: { substances: ["alcohol", "nicotine"], whoFor: "someone" } },
  { reply: "👍", intent: "yes" },
  // other languages
  { reply: "Mi propia recuperación, AA, alcohol, desde el 3 de marzo", answers: { whoFor: "self", paths: ["twelve-step"], substances: ["alcohol"], sobrietyDate: "2026-03-03" } },
  { reply: "mi hijo, cocaína, hace 3 semanas", answers: { whoFor: "someone", substances: ["stimulants"], sobrietyDate: "2026-02-27" } },
  { reply: "pour moi, les deux, depuis le 3 mars, oui pour la note hebdo", answers: { whoFor: "both", sobrietyDate: "2026-03-03", weeklyNote: "yes" } },
  { reply: "alcool, douze étapes, plus d'un an", answers: { substances: ["alcohol"], paths: ["twelve-step"], stage: "over-a-year" } },
  { reply: "mujeres, fe, dos meses", answers: { spaces: ["women"], paths: ["faith"], stage: "30-90-days" } },
  { reply: "saltar", intent: "skip" },
  { reply: "non merci", intent: "no" },
  { reply: "¿ayuda?", intent: "help" },
  // dates
  { reply: "since March 3", answers: { sobrietyDate: "2026-03-03", stage: "under-30-days" } },
  { reply: "2026-01-10", answers: { sobrietyDate: "2026-01-10", stage: "30-90-days" } },
  { reply: "sober since last Tuesday", answers: { sobrietyDate: "2026-03-17", stage: "under-30-days" } },
  { reply: "my date is 12/25/2025", answers: { sobrietyDate: "2025-12-25", stage: "30-90-days" } },
  { reply: "since 25/12/2025", answers: { sobrietyDate: "2025-12-25" } },
  { reply: "since June 1st", answers: { sobrietyDate: "2025-06-01", stage: "90-days-1-year" } },
  { reply: "yesterday was day 1", answers: { sobrietyDate: "2026-03-19" } },
  { reply: "since 2026-01-10 or maybe 2026-02-01", unclear: ["sobrietyDate"] },
  { reply: "since 2027-01-01", nothing: true },
  // skip, stop, help, go on
  { reply: "skip", intent: "skip" },
  { reply: "Skip please, thanks", intent: "skip" },
  { reply: "please stop asking", intent: "stop" },
  { reply: "help", intent: "help" },
  { reply: "how do I answer this?", intent: "help" },
  { reply: "go on", intent: "goOn" },
  { reply: "ok, questions please", intent: "goOn" },
  { reply: "no thanks", intent: "no" },
  { reply: "Yes please!", intent: "yes" },
  // nothing readable
  { reply: "blorp fizzle", nothing: true },
  { reply: "thank you so much, this place seems kind", nothing: true },
];

describe("parseIntakeReply", () => {
  it("should cover at least 60 realistic replies", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)("should read $reply", (c) => {
    const parsed = parseIntakeReply(c.reply, questions, options);
    if (c.intent) expect(parsed.intent).toBe(c.intent);
    else expect(parsed.intent).toBeUndefined();
    for (const [id, value] of Object.entries(c.answers ?? {})) expect(parsed.answers[id], id).toEqual(value);
    if (c.skipped) expect(parsed.skipped).toEqual(c.skipped);
    if (c.unclear) expect(parsed.unclear).toEqual(c.unclear);
    if (c.nothing) expect(parsed.readNothing).toBe(true);
    if (c.answers && !c.intent) expect(parsed.readNothing).toBe(false);
  });

  it("should read nothing into answers a reply did not give", () => {
    const parsed = parseIntakeReply("SMART, about 3 weeks", questions, options);
    expect(Object.keys(parsed.answers).sort()).toEqual(["paths", "stage"]);
  });

  it("should let a question number pick that question's own option", () => {
    // "2. 2" under question 2: its second option (SMART), not option 2 of the whole list.
    expect(parseIntakeReply("2. 2", questions, options).answers).toEqual({ paths: ["secular"] });
  });

  it("should number options from the questions actually asked", () => {
    const asked = questions.filter((q) => q.id !== "whoFor");
    // Without "who for", option 1 is 12-step.
    expect(parseIntakeReply("1, 2", asked, options).answers).toEqual({ paths: ["twelve-step", "secular"] });
  });

  it("should read numeric dates day-first when configured", () => {
    expect(parseIntakeReply("since 03/02/2026", questions, { ...options, dateOrder: "dmy" }).answers.sobrietyDate).toBe("2026-02-03");
    expect(parseIntakeReply("since 03/02/2026", questions, options).answers.sobrietyDate).toBe("2026-03-02");
  });
});
