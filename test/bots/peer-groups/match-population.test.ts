import { describe, expect, it } from "vitest";
import { type CompiledCatalogue, compileCatalogue } from "../../../bots/peer-groups/match/compile-catalogue.ts";
import { matchMember } from "../../../bots/peer-groups/match/match-member.ts";
import { hasPreferences, type MatchProfile } from "../../../bots/peer-groups/profile/match-profile.ts";
import { catalogue30, generateProfiles, random } from "./helpers/population.ts";

const at = new Date("2026-01-05T12:00:00Z");

/** Brute force, independent of the matcher's scoring: may this member be offered group g, and does g meet every stated wish? */
function allowed(c: CompiledCatalogue, g: number, p: MatchProfile, sizes: Int32Array): boolean {
  const group = c.groups[g].group;
  if (sizes[g] >= group.capacity) return false;
  if (group.for.audience === "family") return p.forWhom === "other" || p.forWhom === "both" || p.spaces.includes("family");
  if (p.forWhom === "other") return false;
  return !group.for.audience || p.spaces.includes(group.for.audience);
}
function meetsAll(c: CompiledCatalogue, g: number, p: MatchProfile): boolean {
  const group = c.groups[g].group;
  const paths = p.paths.filter((x) => x !== "exploring");
  if (paths.length && group.for.paths.length && !paths.some((x) => group.for.paths.includes(x))) return false;
  if (p.stage && group.for.stages.length && !group.for.stages.includes(p.stage)) return false;
  if (p.substances.length && group.for.substances.length && !p.substances.some((x) => group.for.substances.includes(x))) return false;
  if (p.utcOffsetMinutes !== undefined) {
    const slot = Math.round((p.utcOffsetMinutes + 720) / 15);
    if (c.groups[g].timeFit[slot] === -1) return false;
  }
  return true;
}

describe("peer-groups matcher on a generated population", () => {
  const catalogue = compileCatalogue(catalogue30(), at);
  const profiles = generateProfiles(10_000);
  const sizes = new Int32Array(catalogue.groups.length);
  const rand = random(9);
  const failures: string[] = [];
  let withPreferences = 0;
  for (const p of profiles) {
    const suggestions = matchMember(catalogue, p, { sizes });
    for (const s of suggestions) if (!allowed(catalogue, s.index, p, sizes)) failures.push(`${p.userId} offered ${s.name} against a hard rule`);
    if (hasPreferences(p)) {
      withPreferences++;
      const exists = catalogue.groups.some((g) => allowed(catalogue, g.index, p, sizes) && meetsAll(catalogue, g.index, p));
      if (exists && !suggestions.some((s) => meetsAll(catalogue, s.index, p))) failures.push(`${p.userId} got no suggestion meeting all wishes`);
      const spaceGroups = catalogue.groups.filter((g) => g.audience && g.audience !== "family" && allowed(catalogue, g.index, p, sizes) && meetsAll(catalogue, g.index, p));
      if (spaceGroups.length && !suggestions.some((s) => catalogue.groups[s.index].audience)) failures.push(`${p.userId} asked for a space and was not offered one`);
    }
    // About a third join their first suggestion, as members would.
    if (suggestions.length && rand() < 0.35) sizes[suggestions[0].index]++;
  }

  it("should hold a realistic mix of 10,000 members, most with stated preferences", () => {
    expect(profiles).toHaveLength(10_000);
    expect(withPreferences).toBeGreaterThan(8_500);
    expect(withPreferences).toBeLessThan(10_000);
  });

  it("should give every member with preferences at least one suggestion meeting all of them where one exists", () => {
    expect(failures.filter((f) => f.includes("wish") || f.includes("space")).slice(0, 5)).toEqual([]);
  });

  it("should never offer a group against a hard rule", () => {
    expect(failures.filter((f) => f.includes("hard rule")).slice(0, 5)).toEqual([]);
  });

  it("should never fill a group over its capacity", () => {
    for (const g of catalogue.groups) expect(sizes[g.index], g.name).toBeLessThanOrEqual(g.capacity);
    expect(catalogue.groups.filter((g, i) => sizes[i] === g.capacity).length).toBeGreaterThan(5);
  });

  it("should keep every group at most twice the mean size of its siblings", () => {
    expect(catalogue.siblingSets.length).toBe(5);
    for (const set of catalogue.siblingSets) {
      const mean = set.reduce((s, i) => s + sizes[i], 0) / set.length;
      for (const i of set) expect(sizes[i], catalogue.groups[i].name).toBeLessThanOrEqual(Math.max(2 * mean, 1));
      expect(Math.max(...set.map((i) => sizes[i])) - Math.min(...set.map((i) => sizes[i]))).toBeLessThanOrEqual(1);
    }
  });
});
