import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../../bots/peer-groups/catalogue/load-catalogue.ts";
import { parseGroupsReply } from "../../../bots/peer-groups/conversation/parse-reply.ts";
import { normalizeProfile } from "../../../bots/peer-groups/profile/normalize-profile.ts";
import { toIntakeAnswers } from "../../../bots/peer-groups/profile/profile-source.ts";

const at = new Date("2026-01-05T12:00:00Z");

describe("peer-groups replies", () => {
  it.each([
    ["join 2 please", { kind: "join", number: 2, confirmed: false }],
    ["Join #3, thanks!", { kind: "join", number: 3, confirmed: false }],
    ["join 1 yes please", { kind: "join", number: 1, confirmed: true }],
    ["more please", { kind: "more" }],
    ["Not now, thanks", { kind: "not-now" }],
    ["no 2 thanks", { kind: "decline", number: 2 }],
    ["yes please", { kind: "yes" }],
    ["no thanks", { kind: "no" }],
    ["ask for me please", { kind: "ask-for-me" }],
    ["groups please", { kind: "groups" }],
    ["I had a hard day and want to join a meeting", undefined],
    ["not sure about any of these yet", undefined],
  ])("should read %j", (text, expected) => {
    expect(parseGroupsReply(text)).toEqual(expected);
  });
});

describe("peer-groups profile", () => {
  it("should read onboarding's option ids and the forum's signup labels alike", () => {
    const fromIds = normalizeProfile(
      toIntakeAnswers(1, { whoFor: "both", paths: ["twelve-step", "medication"], substances: ["alcohol", "prefer-not"], stage: "30-90-days", spaces: ["family-friends", "young-adults", "none"], timezone: "Europe/London" })!,
      at,
    );
    expect(fromIds).toMatchObject({ forWhom: "both", paths: ["12-step", "mat"], substances: ["alcohol"], stage: "30-90", spaces: ["family", "young-adults"], utcOffsetMinutes: 0 });
    const fromLabels = normalizeProfile({ userId: 2, brings: "Someone I care about", paths: "SMART or other secular", timeInRecovery: "90 days-1 year", timezone: "America/Chicago" }, at);
    expect(fromLabels).toMatchObject({ forWhom: "other", paths: ["secular"], stage: "90-365", utcOffsetMinutes: -360 });
  });

  it("should take the stage from the sobriety date over the band they picked", () => {
    const p = normalizeProfile({ userId: 3, timeInRecovery: "Under 30 days", sobrietyDate: "2025-09-01" }, at);
    expect(p.stage).toBe("90-365");
    expect(p.daysInRecovery).toBe(126);
  });
});

describe("peer-groups catalogue", () => {
  const group = { name: "g-one", title: "One", description: "A group for testing things.", capacity: 5, join: "bot_adds", membersVisibleTo: "members" };
  it("should reject siblings that are not for the same people", () => {
    expect(() =>
      parseCatalogue({ groups: [{ ...group, siblings: "s" }, { ...group, name: "g-two", siblings: "s", for: { stages: ["over-year"] } }] }),
    ).toThrow(/siblings of "s" must share/);
  });
  it("should reject an unknown time band and a bad meeting time", () => {
    expect(() => parseCatalogue({ groups: [{ ...group, band: "mars" }] })).toThrow(/"mars" is not in timeBands/);
    expect(() => parseCatalogue({ groups: [{ ...group, meetings: { timezone: "Europe/London", times: ["tuesday 7pm"] } }] })).toThrow(/tue 19:30/);
  });
});
