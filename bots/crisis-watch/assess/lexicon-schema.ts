/**
 * zod schema of one `config/crisis/*.yaml` file. A file may hold cues, markers, macros and emoji for
 * one language; files of the same language are merged by the loader.
 */
import { z } from "zod";

const LANES = [
  "suicide_self_harm",
  "overdose_medical",
  "harm_from_others",
  "concern_for_other",
  "relapse",
  "craving",
] as const;

const KINDS = [
  "ideation", "passive", "intent", "means_ready", "means_object", "means_research", "attempt",
  "self_harm", "goodbye_strong", "goodbye_weak", "farewell", "od_strong", "od_event", "od_context",
  "od_weak", "od_severe", "absence", "withdrawal", "delirium", "use_now", "violence", "threat", "concern", "hopeless", "relapse", "craving", "mention", "scene",
] as const;

const FACETS = ["means", "place", "edge", "taken", "final", "body", "cut_off", "violence", "wish"] as const;

const MARKERS = [
  "negator", "old", "recent", "day", "now", "hypothetical", "education", "media", "self", "other",
  "you", "generic", "intent_frame", "alone", "clause_break", "after_clean", "joke", "benign_leave", "substance",
  "near", "reported",
] as const;

/** One cue as written in YAML. */
export const cueSchema = z.object({
  id: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, "ids look like lane.name"),
  kind: z.enum(KINDS),
  lanes: z.array(z.enum(LANES)).min(1),
  who: z.enum(["self", "other", "infer"]).default("infer"),
  needs: z.array(z.enum(KINDS)).default([]),
  /** For `kind: scene`: which part of a dangerous scene the words name (see `combine-scene.ts`). */
  facet: z.enum(FACETS).optional(),
  why: z.string().min(3),
  terms: z.array(z.string().min(1)).min(1),
}).refine((cue) => (cue.kind === "scene") === (cue.facet !== undefined), { message: "a scene cue names its facet, and only scene cues have one" });

/** One lexicon file. */
export const lexiconFileSchema = z.object({
  language: z.string().regex(/^[a-z]{2,3}$|^any$/),
  source: z.string().min(3),
  licence: z.string().optional(),
  macros: z.record(z.string().regex(/^[A-Z_]+$/), z.string()).default({}),
  markers: z.partialRecord(z.enum(MARKERS), z.array(z.string().min(1))).default({}),
  cues: z.array(cueSchema).default([]),
  emoji: z.record(z.string(), z.string().regex(/^[a-z_]+$/)).default({}),
});

/** A parsed, validated lexicon file. */
export type LexiconFile = z.infer<typeof lexiconFileSchema>;
