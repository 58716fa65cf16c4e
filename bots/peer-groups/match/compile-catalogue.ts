import type { Catalogue, CatalogueGroup } from "../catalogue/catalogue-schema.ts";
import { AUDIENCES, type AudienceKey, PATHS, type PathKey, STAGES, type StageKey } from "../catalogue/vocabulary.ts";
import { groupUtcOffset, timeFit } from "./time-fit.ts";
import { tokenize } from "./tokenize.ts";
import { DEFAULT_AWAKE_HOURS, OFFSET_MIN, OFFSET_SLOTS, OFFSET_STEP } from "./weights.ts";

export interface CompiledGroup {
  readonly index: number;
  readonly name: string;
  readonly group: CatalogueGroup;
  readonly audience: AudienceKey | undefined;
  /** The audience as a bit of AUDIENCES (0 when open to all). */
  readonly audienceBit: number;
  readonly pathMask: number;
  readonly stageMask: number;
  readonly substanceMask: number;
  readonly capacity: number;
  /** Index into `siblingSets`, or -1. */
  readonly siblingSet: number;
  /** Per 15-minute UTC offset slot: 2 evening, 1 waking hours, -1 does not fit, 0 no time set. */
  readonly timeFit: Int8Array;
  /** UTC offset of the meetings' time zone on the compile day. */
  readonly meetingOffset: number;
}

/** The catalogue with everything per-group worked out once, so matching a member is only arithmetic. */
export interface CompiledCatalogue {
  readonly catalogue: Catalogue;
  readonly groups: readonly CompiledGroup[];
  readonly byName: ReadonlyMap<string, number>;
  readonly siblingSets: readonly (readonly number[])[];
  readonly substanceBits: ReadonlyMap<string, number>;
  /** term → [group index, tf-idf weight of the L2-normalised description vector]. */
  readonly postings: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  readonly idf: ReadonlyMap<string, number>;
  /** A readable word for each term (for reasons). */
  readonly surface: ReadonlyMap<string, string>;
  /** Every term the catalogue can match posts on (what is worth counting in a member's posts). */
  readonly vocabulary: ReadonlySet<string>;
  readonly at: Date;
  readonly awake: { from: number; to: number };
}

export const pathBit = (p: PathKey) => 1 << PATHS.indexOf(p);
export const stageBit = (s: StageKey) => 1 << STAGES.indexOf(s);

/** The words a group is matched on: its title and description. */
export const groupText = (g: CatalogueGroup) => `${g.title} ${g.description}`;

/**
 * Prepares a catalogue for matching at `at` (meeting times depend on daylight saving, so compile
 * again when the day changes).
 *
 * @param awake - local hours a meeting must fall in to suit someone. @defaultValue 7–23
 */
export function compileCatalogue(catalogue: Catalogue, at: Date, awake: { from: number; to: number } = DEFAULT_AWAKE_HOURS): CompiledCatalogue {
  const substanceBits = new Map<string, number>();
  for (const g of catalogue.groups) {
    for (const s of g.for.substances) if (!substanceBits.has(s)) substanceBits.set(s, substanceBits.size);
  }
  if (substanceBits.size > 30) throw new Error("[peer-groups] the catalogue names more than 30 substances");
  const sets = new Map<string, number[]>();
  const groups: CompiledGroup[] = catalogue.groups.map((g, index) => {
    let siblingSet = -1;
    if (g.siblings) {
      const members = sets.get(g.siblings) ?? [];
      if (members.length === 0) sets.set(g.siblings, members);
      members.push(index);
      siblingSet = [...sets.keys()].indexOf(g.siblings);
    }
    const fit = new Int8Array(OFFSET_SLOTS);
    for (let slot = 0; slot < OFFSET_SLOTS; slot++) fit[slot] = timeFit(g, catalogue.timeBands, OFFSET_MIN + slot * OFFSET_STEP, at, awake);
    return {
      index,
      name: g.name,
      group: g,
      audience: g.for.audience,
      audienceBit: g.for.audience ? 1 << AUDIENCES.indexOf(g.for.audience) : 0,
      pathMask: g.for.paths.reduce((m, p) => m | pathBit(p), 0),
      stageMask: g.for.stages.reduce((m, s) => m | stageBit(s), 0),
      substanceMask: g.for.substances.reduce((m, s) => m | (1 << (substanceBits.get(s) ?? 0)), 0),
      capacity: g.capacity,
      siblingSet,
      timeFit: fit,
      meetingOffset: groupUtcOffset(g, at),
    };
  });
  const text = buildTextIndex(catalogue.groups);
  return {
    catalogue,
    groups,
    byName: new Map(groups.map((g) => [g.name.toLowerCase(), g.index])),
    siblingSets: [...sets.values()],
    substanceBits,
    ...text,
    at,
    awake,
  };
}

/** TF-IDF vectors of the descriptions, stored as postings per term. */
function buildTextIndex(groups: readonly CatalogueGroup[]) {
  const surface = new Map<string, string>();
  const tfs = groups.map((g) => {
    const tf = new Map<string, number>();
    for (const [term, word] of tokenize(groupText(g))) {
      tf.set(term, (tf.get(term) ?? 0) + 1);
      if (!surface.has(term)) surface.set(term, word);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map([...df].map(([term, n]) => [term, Math.log((1 + groups.length) / (1 + n)) + 1]));
  const postings = new Map<string, Array<readonly [number, number]>>();
  tfs.forEach((tf, index) => {
    const weights = [...tf].map(([term, n]) => [term, (1 + Math.log(n)) * (idf.get(term) ?? 0)] as const);
    const norm = Math.sqrt(weights.reduce((s, [, w]) => s + w * w, 0)) || 1;
    for (const [term, w] of weights) {
      const list = postings.get(term) ?? [];
      list.push([index, w / norm]);
      postings.set(term, list);
    }
  });
  return { postings, idf, surface, vocabulary: new Set(df.keys()) as ReadonlySet<string> };
}
