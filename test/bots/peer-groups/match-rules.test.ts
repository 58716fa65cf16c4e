import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../../bots/peer-groups/catalogue/load-catalogue.ts";
import { compileCatalogue } from "../../../bots/peer-groups/match/compile-catalogue.ts";
import { reasonSentence } from "../../../bots/peer-groups/match/explain-match.ts";
import { matchMember } from "../../../bots/peer-groups/match/match-member.ts";
import type { MatchProfile } from "../../../bots/peer-groups/profile/match-profile.ts";
import { normalizeProfile } from "../../../bots/peer-groups/profile/normalize-profile.ts";
import { naiveMatch } from "./helpers/naive-match.ts";
import { catalogue30, generateProfiles, random } from "./helpers/population.ts";

const at = new Date("2026-01-05T12:00:00Z");
const raw = loadCatalogue();
const catalogue = compileCatalogue(raw, at);
const empty = () => new Int32Array(catalogue.groups.length);
const idx = (name: string) => catalogue.byName.get(name) ?? -1;
const names = (p: MatchProfile, sizes = empty(), excluded?: Set<string>, limit = 30) => matchMember(catalogue, p, { sizes, excluded }, limit).map((s) => s.name);
const profile = (answers: Parameters<typeof normalizeProfile>[0]) => normalizeProfile(answers, at);

describe("peer-groups matcher hard rules", () => {
  it("should offer an audience-restricted group only to members who asked for that space", () => {
    const general = names(profile({ userId: 1, brings: "My own recovery", timezone: "America/Chicago" }));
    for (const g of ["women-circle", "lgbtq-recovery", "men-in-recovery", "veterans-recovery", "young-adults-recovery"]) expect(general).not.toContain(g);
    const asked = names(profile({ userId: 2, brings: "My own recovery", spaces: ["LGBTQ+"], timezone: "America/Chicago" }), empty(), undefined, 3);
    expect(asked[0]).toBe("lgbtq-recovery");
    expect(asked).not.toContain("women-circle");
  });

  it("should offer someone here for a person they care about family-and-friends groups only", () => {
    const offered = names(profile({ userId: 3, brings: "Someone I care about", paths: ["12-step"], timeInRecovery: "Under 30 days", timezone: "America/New_York" }));
    expect(offered.length).toBeGreaterThan(0);
    for (const name of offered) expect(catalogue.groups[idx(name)].audience, name).toBe("family");
  });

  it("should offer both kinds to someone who chose both, and family groups to nobody else unasked", () => {
    const both = names(profile({ userId: 4, brings: "Both", timeInRecovery: "Under 30 days", timezone: "America/New_York" }));
    expect(both.some((n) => catalogue.groups[idx(n)].audience === "family")).toBe(true);
    expect(both.some((n) => !catalogue.groups[idx(n)].audience)).toBe(true);
    const self = names(profile({ userId: 5, brings: "My own recovery", timezone: "America/New_York" }));
    expect(self.some((n) => catalogue.groups[idx(n)].audience === "family")).toBe(false);
  });

  it("should never offer a group the member left, declined or was removed from", () => {
    const p = profile({ userId: 6, brings: "My own recovery", timeInRecovery: "Under 30 days", timezone: "Europe/London" });
    const first = names(p, empty(), undefined, 3)[0];
    expect(names(p, empty(), new Set([first]))).not.toContain(first);
  });

  it("should never offer a full group, and offer its sibling with room instead", () => {
    const p = profile({ userId: 7, brings: "My own recovery", timeInRecovery: "Under 30 days", timezone: "America/Chicago" });
    const sizes = empty();
    sizes[idx("early-recovery-evenings-a")] = 15;
    const offered = names(p, sizes, undefined, 3);
    expect(offered).not.toContain("early-recovery-evenings-a");
    expect(offered).toContain("early-recovery-evenings-b");
    sizes[idx("early-recovery-evenings-b")] = 15;
    expect(names(p, sizes)).not.toContain("early-recovery-evenings-b");
  });

  it("should offer the emptiest sibling, so members spread out instead of piling into the biggest", () => {
    const p = profile({ userId: 8, brings: "My own recovery", timeInRecovery: "Under 30 days", timezone: "America/Chicago" });
    const sizes = empty();
    sizes[idx("early-recovery-evenings-a")] = 9;
    sizes[idx("early-recovery-evenings-b")] = 4;
    const offered = names(p, sizes);
    expect(offered).toContain("early-recovery-evenings-b");
    expect(offered).not.toContain("early-recovery-evenings-a");
  });

  it("should explain a suggestion in plain words from the member's own answers", () => {
    const p = profile({ userId: 9, brings: "My own recovery", sobrietyDate: "2025-12-22", timezone: "America/Chicago" });
    const [first] = matchMember(catalogue, p, { sizes: empty() });
    expect(first.name).toBe("early-recovery-evenings-a");
    expect(reasonSentence(first.reasons)).toBe("You said you are two weeks in, and this group is for the first 90 days, and it meets Mondays and Thursdays at 7pm your time, in your evenings.");
  });

  it("should rank by what the member writes about when their answers leave a choice", () => {
    const base = { userId: 10, brings: "My own recovery", timezone: "Europe/London" };
    const money = normalizeProfile(base, at, new Map([["debt", 3], ["money", 2]]));
    const silent = normalizeProfile(base, at);
    expect(names(money).indexOf("gambling-recovery")).toBeLessThan(names(silent).indexOf("gambling-recovery"));
    const gambling = matchMember(catalogue, money, { sizes: empty() }, 30).find((s) => s.name === "gambling-recovery");
    expect(gambling?.reasons.join(" ")).toMatch(/you have written about debt and money/);
  });

  it("should give the same answers as the naive baseline on random members, sizes and exclusions", () => {
    const big = compileCatalogue(catalogue30(), at);
    const rand = random(11);
    const vocab = [...big.vocabulary];
    const profiles = generateProfiles(400, 5).map((p, i) => (i % 2 ? { ...p, terms: new Map([[vocab[Math.floor(rand() * vocab.length)], 2]]) } : p));
    for (const p of profiles) {
      const sizes = Int32Array.from(big.groups, (g) => Math.floor(rand() * g.capacity * 1.2));
      const excluded = new Set(big.groups.filter(() => rand() < 0.1).map((g) => g.name));
      const fast = matchMember(big, p, { sizes, excluded }, 3);
      const naive = naiveMatch(big.catalogue, p, sizes, excluded, at, 3, big);
      expect(fast).toEqual(naive);
    }
  });
});
