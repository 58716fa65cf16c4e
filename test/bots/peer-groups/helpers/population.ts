import type { Catalogue, CatalogueGroup } from "../../../../bots/peer-groups/catalogue/catalogue-schema.ts";
import { loadCatalogue } from "../../../../bots/peer-groups/catalogue/load-catalogue.ts";
import { parseCatalogue } from "../../../../bots/peer-groups/catalogue/load-catalogue.ts";
import type { MatchProfile } from "../../../../bots/peer-groups/profile/match-profile.ts";
import { type IntakeAnswers, normalizeProfile } from "../../../../bots/peer-groups/profile/normalize-profile.ts";

/** A small deterministic PRNG (mulberry32), so every run sees the same population. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: () => number, table: ReadonlyArray<readonly [T, number]>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1][0];
}

const ZONES = [
  ["America/New_York", 22], ["America/Chicago", 14], ["America/Los_Angeles", 12], ["America/Denver", 5], ["America/Toronto", 5],
  ["America/Sao_Paulo", 3], ["Europe/London", 12], ["Europe/Dublin", 3], ["Europe/Berlin", 6], ["Africa/Johannesburg", 2],
  ["Australia/Sydney", 6], ["Pacific/Auckland", 2], ["Asia/Kolkata", 3], ["Asia/Manila", 2], [null, 8],
] as const;

/**
 * Intake answers with the mix a recovery forum sees: most here for themselves, some for someone they
 * love, a few both; paths, stages, substances and spaces in realistic proportions; some skip it all.
 */
export function generateAnswers(count: number, seed = 42, now = new Date("2026-01-05T12:00:00Z")): IntakeAnswers[] {
  const rand = random(seed);
  const out: IntakeAnswers[] = [];
  for (let i = 0; i < count; i++) {
    const userId = 1000 + i;
    if (rand() < 0.08) {
      out.push({ userId }); // skipped the intake
      continue;
    }
    const brings = weighted(rand, [["My own recovery", 68], ["Someone I care about", 16], ["Both", 9], [null, 7]] as const);
    const paths = brings === "Someone I care about" ? [] : [weighted(rand, [["12-step", 34], ["SMART or other secular", 18], ["Faith-based", 10], ["Medication-assisted", 12], ["Still exploring", 20], [null, 6]] as const)].filter((p): p is NonNullable<typeof p> => p !== null);
    if (paths.length && rand() < 0.12) paths.push("Medication-assisted");
    const substances = brings === "Someone I care about" ? [] : (["alcohol", "opioids", "stimulants", "cannabis", "gambling", "sedatives"] as const).filter((_, k) => rand() < [0.55, 0.2, 0.12, 0.1, 0.05, 0.04][k]);
    const spaces = (["Women only", "Men only", "LGBTQ+", "Young adults", "Veterans", "Family and friends"] as const).filter((_, k) => rand() < [0.1, 0.06, 0.06, 0.07, 0.03, 0.04][k]);
    let sobrietyDate: string | undefined;
    let timeInRecovery: string | undefined;
    if (brings !== "Someone I care about") {
      if (rand() < 0.35) sobrietyDate = new Date(now.getTime() - Math.floor(rand() * rand() * 900) * 86_400_000).toISOString().slice(0, 10);
      else timeInRecovery = weighted(rand, [["Not yet", 12], ["Under 30 days", 30], ["30-90 days", 20], ["90 days-1 year", 18], ["Over a year", 14], [undefined, 6]] as const);
    }
    out.push({ userId, brings, paths, substances, spaces, sobrietyDate, timeInRecovery, timezone: weighted(rand, ZONES) });
  }
  return out;
}

export function generateProfiles(count: number, seed = 42, now = new Date("2026-01-05T12:00:00Z")): MatchProfile[] {
  return generateAnswers(count, seed, now).map((a) => normalizeProfile(a, now));
}

/** The default catalogue grown to 30 groups: more siblings, the way a growing community adds them. */
export function catalogue30(): Catalogue {
  const base = loadCatalogue();
  const groups: CatalogueGroup[] = base.groups.map((g) => ({ ...g }));
  const sibling = (from: string, name: string, title: string, set: string) => {
    const source = groups.find((g) => g.name === from);
    if (!source) throw new Error(`no ${from}`);
    source.siblings = set;
    groups.push({ ...source, name, title });
  };
  sibling("early-recovery-evenings-a", "early-recovery-evenings-c", "Early recovery — evenings C", "early-recovery-evenings-americas");
  sibling("first-year-americas", "first-year-americas-b", "First year — Americas B", "first-year-americas");
  sibling("step-work-americas", "step-work-americas-b", "Step work — Americas B", "step-work-americas");
  sibling("family-and-friends", "family-and-friends-b", "Family and friends B", "family-and-friends");
  return parseCatalogue({ timeBands: base.timeBands, groups }, "catalogue30");
}

/** `count` groups made from the default catalogue's shapes with varied criteria (for the benchmark). */
export function catalogueOf(count: number, seed = 7): Catalogue {
  const base = loadCatalogue();
  const rand = random(seed);
  const groups: CatalogueGroup[] = [];
  for (let i = 0; i < count; i++) {
    const source = base.groups[i % base.groups.length];
    const copy: CatalogueGroup = { ...source, name: `${source.name}-${i}`, title: `${source.title} ${i}`, siblings: source.siblings ? `${source.siblings}-${Math.floor(i / base.groups.length) % 3}` : undefined };
    copy.capacity = 10 + Math.floor(rand() * 90);
    groups.push(copy);
  }
  return parseCatalogue({ timeBands: base.timeBands, groups }, `catalogue${count}`);
}
