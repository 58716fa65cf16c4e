import { describe, expect, it } from "vitest";
import { dueWeek } from "../../../bots/weekly-digest/due-week.ts";
import { isoWeekKey, weekKeyAt } from "../../../bots/weekly-digest/iso-week.ts";
import { milestonesUpTo, parseLocalDate } from "../../../bots/weekly-digest/milestones.ts";
import { DIGEST_COMMAND, parseDigestCommand } from "../../../bots/weekly-digest/parse-digest-command.ts";
import { pickEncouragement, type SentLine } from "../../../bots/weekly-digest/pick-encouragement.ts";
import { normalizeCommand } from "../../../plugins/app/own-words.ts";

const slot = { sendDay: "sunday" as const, sendTime: "09:00", graceHours: 24 };

describe("ISO weeks", () => {
  it.each([
    [2026, 1, 1, "2026-W01"],
    [2025, 12, 29, "2026-W01"],
    [2027, 1, 1, "2026-W53"],
    [2026, 1, 11, "2026-W02"],
    [2026, 1, 12, "2026-W03"],
  ])("should key %i-%i-%i as %s", (y, m, d, key) => {
    expect(isoWeekKey(y, m, d)).toBe(key);
  });

  it("should use the member's own calendar", () => {
    const instant = new Date("2026-01-11T23:30:00Z");
    expect(weekKeyAt(instant, "UTC")).toBe("2026-W02");
    expect(weekKeyAt(instant, "Australia/Sydney")).toBe("2026-W03");
  });
});

describe("dueWeek", () => {
  it("should be due from Sunday 09:00 in the member's time zone, and not before", () => {
    expect(dueWeek(new Date("2026-01-11T13:59:00Z"), "America/New_York", slot)).toBeUndefined();
    expect(dueWeek(new Date("2026-01-11T14:00:00Z"), "America/New_York", slot)?.week).toBe("2026-W02");
    expect(dueWeek(new Date("2026-01-10T22:00:00Z"), "Australia/Sydney", slot)?.week).toBe("2026-W02");
  });

  it("should allow a late digest within the grace hours (into Monday) and not after", () => {
    expect(dueWeek(new Date("2026-01-12T08:00:00Z"), "UTC", slot)?.week).toBe("2026-W02");
    expect(dueWeek(new Date("2026-01-12T09:30:00Z"), "UTC", slot)).toBeUndefined();
  });

  it("should follow daylight saving time", () => {
    // 29 March 2026: London moves to BST, so 09:00 local is 08:00 UTC.
    expect(dueWeek(new Date("2026-03-29T08:00:00Z"), "Europe/London", slot)?.at.toISOString()).toBe("2026-03-29T08:00:00.000Z");
  });
});

describe("milestones", () => {
  it("should list day marks and calendar anniversaries, saying a 365-day first year once", () => {
    const labels = milestonesUpTo(parseLocalDate("2024-03-01")!, [1, 7, 30, 60, 90, 180, 365], 800).map((m) => m.label);
    expect(labels).toEqual(["1 day", "1 week", "30 days", "60 days", "90 days", "180 days", "1 year", "2 years"]);
  });

  it("should refuse dates that do not exist", () => {
    expect(parseLocalDate("2025-02-30")).toBeUndefined();
    expect(parseLocalDate("soon")).toBeUndefined();
  });
});

describe("encouragement rotation", () => {
  const pool = Array.from({ length: 12 }, (_, i) => ({ id: `l${i}`, text: `line ${i}` }));

  it("should not repeat a line within the window over many weeks", () => {
    const sent: SentLine[] = [];
    for (let w = 1; w <= 40; w++) {
      const week = `2026-W${String(w).padStart(2, "0")}`;
      const recent = sent.slice(-7);
      const line = pickEncouragement(pool, recent, `42:${week}`);
      expect(recent.map((r) => r.id)).not.toContain(line.id);
      sent.push({ id: line.id, week });
    }
  });

  it("should reuse the longest-unsent line when the pool is smaller than the window", () => {
    const small = pool.slice(0, 3);
    const recent = [
      { id: "l0", week: "2026-W03" },
      { id: "l1", week: "2026-W01" },
      { id: "l2", week: "2026-W02" },
    ];
    expect(pickEncouragement(small, recent, "x").id).toBe("l1");
  });
});

describe("digest commands", () => {
  it.each([
    ["digest on", { kind: "on" }],
    ["Digest ON!", { kind: "on" }],
    ["Yes, digest on please", { kind: "on" }],
    ["Turn the digest off, thanks", { kind: "off" }],
    ["digest off", { kind: "off" }],
    ["stop digest", { kind: "off" }],
    ["pause 4 weeks", { kind: "pause", weeks: 4 }],
    ["Pause digest for two weeks.", { kind: "pause", weeks: 2 }],
    ["digest pause 1 week", { kind: "pause", weeks: 1 }],
    ["pause 99 weeks", { kind: "pause", weeks: 52 }],
  ])("should read %j", (text, command) => {
    expect(DIGEST_COMMAND.test(normalizeCommand(text))).toBe(true);
    expect(parseDigestCommand(normalizeCommand(text))).toEqual(command);
  });

  it.each(["digest", "pause", "pause forever weeks", "I want to pause 4 weeks of my life", "stop", "digest on please now"])("should ignore %j", (text) => {
    expect(parseDigestCommand(normalizeCommand(text))).toBeUndefined();
  });
});
