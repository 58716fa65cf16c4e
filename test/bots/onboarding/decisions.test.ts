import { describe, expect, it } from "vitest";
import { chooseStartingPoints } from "../../../bots/onboarding/choose-starting-points.ts";
import { eligibleForWelcome } from "../../../bots/onboarding/eligible-for-welcome.ts";
import { decideIntakeStep } from "../../../bots/onboarding/intake-step.ts";
import { decideNudge, isDaytime, nextDaytime, nudgeDueAt } from "../../../bots/onboarding/nudge-timing.ts";
import type { ParsedReply } from "../../../bots/onboarding/parse/parsed-reply.ts";
import { answersFromUserFields } from "../../../bots/onboarding/read-signup-details.ts";
import { loadConfig } from "../../../config/index.ts";

const settings = loadConfig({}).onboarding;
const daytime = { from: 10, to: 19 };
const reply = (over: Partial<ParsedReply> = {}): ParsedReply => ({ answers: {}, skipped: [], unclear: [], invalidNumbers: [], readNothing: false, ...over });

describe("nudge timing", () => {
  it("should tell daytime in the member's own time zone", () => {
    const at = new Date("2026-01-08T15:00:00Z");
    expect(isDaytime(at, "Europe/London", daytime)).toBe(true); // 15:00
    expect(isDaytime(at, "America/Los_Angeles", daytime)).toBe(false); // 07:00
    expect(isDaytime(at, "Asia/Tokyo", daytime)).toBe(false); // 00:00
  });

  it("should move a nudge due at night to the next local morning", () => {
    // Welcomed Monday 23:30 in Los Angeles (07:30 UTC Tuesday); 3 days later it is night there.
    const due = nudgeDueAt(new Date("2026-01-06T07:30:00Z"), 3, "America/Los_Angeles", daytime);
    expect(due.toISOString()).toBe("2026-01-09T18:00:00.000Z"); // 10:00 in Los Angeles
  });

  it("should keep a nudge due in daytime exactly 3 days on", () => {
    expect(nudgeDueAt(new Date("2026-01-05T12:00:00Z"), 3, "UTC", daytime).toISOString()).toBe("2026-01-08T12:00:00.000Z");
  });

  it("should land inside the window in half-hour time zones", () => {
    const next = nextDaytime(new Date("2026-01-05T20:00:00Z"), "Asia/Kolkata", daytime);
    expect(isDaytime(next, "Asia/Kolkata", daytime)).toBe(true);
  });

  it("should decide send, wait, expire or skip", () => {
    const nudge = { dueAt: new Date("2026-01-08T12:00:00Z"), firstPostAt: null, timezone: "UTC" };
    const opts = { daytime, expireAfterHours: 48 };
    expect(decideNudge(nudge, new Date("2026-01-08T11:00:00Z"), opts)).toBe("wait");
    expect(decideNudge(nudge, new Date("2026-01-08T12:05:00Z"), opts)).toBe("send");
    expect(decideNudge(nudge, new Date("2026-01-08T22:00:00Z"), opts)).toBe("wait");
    expect(decideNudge(nudge, new Date("2026-01-11T12:00:00Z"), opts)).toBe("expire");
    expect(decideNudge({ ...nudge, firstPostAt: new Date("2026-01-06T00:00:00Z") }, new Date("2026-01-08T12:05:00Z"), opts)).toBe("skip-posted");
  });
});

describe("the intake step", () => {
  const open = { state: "asked" as const, paused: false };

  it("should answer distress with warmth and a pause, never the next question", () => {
    expect(decideIntakeStep(open, reply({ answers: { paths: ["secular"] } }), "support", ["stage"])).toEqual({ kind: "support", pause: true });
    expect(decideIntakeStep({ state: "offered", paused: false }, reply({ intent: "yes" }), "support", [])).toEqual({ kind: "support", pause: true });
  });

  it("should wait while paused until the member asks to go on", () => {
    const paused = { state: "asked" as const, paused: true };
    expect(decideIntakeStep(paused, reply({ readNothing: true }), "none", ["paths"]).kind).toBe("ignore");
    expect(decideIntakeStep(paused, reply({ intent: "goOn" }), "none", ["paths"])).toEqual({ kind: "sendQuestions", resume: true });
  });

  it("should send the questions on yes, respect no thanks", () => {
    const offered = { state: "offered" as const, paused: false };
    expect(decideIntakeStep(offered, reply({ intent: "yes" }), "none", []).kind).toBe("sendQuestions");
    expect(decideIntakeStep(offered, reply({ intent: "no" }), "none", []).kind).toBe("declined");
  });

  it("should re-ask once what it could not read, then stop asking", () => {
    expect(decideIntakeStep(open, reply({ readNothing: true }), "none", ["whoFor", "paths"])).toEqual({ kind: "reask", missing: ["whoFor", "paths"] });
    expect(decideIntakeStep(open, reply({ answers: { whoFor: "self" }, unclear: ["stage"] }), "none", ["stage"])).toEqual({ kind: "reask", missing: ["stage"] });
    expect(decideIntakeStep({ state: "reasked", paused: false }, reply({ readNothing: true }), "none", ["whoFor"]).kind).toBe("finish");
  });

  it("should finish on a readable reply and on skip", () => {
    expect(decideIntakeStep(open, reply({ answers: { whoFor: "self" } }), "none", ["paths"]).kind).toBe("finish");
    expect(decideIntakeStep(open, reply({ intent: "skip" }), "none", ["paths"]).kind).toBe("finish");
  });

  it("should stay silent after a crisis handoff or a stop", () => {
    expect(decideIntakeStep({ state: "crisis", paused: true }, reply({ intent: "goOn" }), "none", []).kind).toBe("ignore");
    expect(decideIntakeStep({ state: "stopped", paused: false }, reply(), "support", []).kind).toBe("ignore");
  });
});

describe("who gets a welcome", () => {
  const bots = new Set(["kindred"]);
  it("should welcome a new member but not staff, bots, system users or staged accounts", () => {
    expect(eligibleForWelcome({ id: 50, username: "sam" }, bots)).toBe(true);
    expect(eligibleForWelcome({ id: 51, username: "Kindred" }, bots)).toBe(false);
    expect(eligibleForWelcome({ id: -1, username: "system" }, bots)).toBe(false);
    expect(eligibleForWelcome({ id: 52, username: "mo", moderator: true }, bots)).toBe(false);
    expect(eligibleForWelcome({ id: 53, username: "ad", admin: true }, bots)).toBe(false);
    expect(eligibleForWelcome({ id: 54, username: "st", staged: true }, bots)).toBe(false);
  });
});

describe("routing and signup fields", () => {
  it("should pick starting points from the answers, then fallbacks", () => {
    const early = chooseStartingPoints(settings.startingPoints, { stage: "under-30-days" });
    expect(early.map((p) => p.path)).toEqual(["/c/check-ins", "/c/general"]);
    const family = chooseStartingPoints(settings.startingPoints, { whoFor: "someone", stage: "over-a-year" });
    expect(family[0].title).toMatch(/Family and friends/);
    expect(chooseStartingPoints(settings.startingPoints, {})).toHaveLength(2);
  });

  it("should read signup user fields as answers through the mapping", () => {
    const mapped = { ...settings, userFields: { "1": "whoFor", "2": "paths", "3": "stage", "4": "weeklyNote" } };
    const answers = answersFromUserFields(mapped, settings.questions, { "1": "Someone I care about", "2": "SMART or other secular", "3": "90 days-1 year", "4": "true" }, "2026-01-05");
    expect(answers).toEqual({ whoFor: "someone", paths: ["secular"], stage: "90-days-1-year", weeklyNote: "yes" });
  });
});
