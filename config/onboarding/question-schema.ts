import { z } from "zod";

/** The question ids other bots read (bots/onboarding/member-profile.ts); a questions file must keep them. */
export const KNOWN_QUESTIONS = {
  whoFor: "one",
  paths: "many",
  substances: "many",
  stage: "one",
  spaces: "many",
  sobrietyDate: "date",
  weeklyNote: "one",
  shareWithGreeters: "one",
} as const;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/i, "ids are letters, digits and dashes");

const optionSchema = z.object({
  id,
  label: z.string().min(1),
  /** What a member may write instead of the number (folded: case and accents do not matter). */
  words: z.array(z.string().min(1)).default([]),
  /** For the time-in-recovery question: the first day count that falls in this band. */
  fromDays: z.number().int().min(0).optional(),
});

const questionSchema = z
  .object({
    id,
    kind: z.enum(["one", "many", "date"]),
    title: z.string().min(1),
    /** How a gentle re-ask names it ("your path"). */
    short: z.string().min(1),
    options: z.array(optionSchema).default([]),
    /** Whether "not …" / "no …" before a word cancels it. */
    negatable: z.boolean().default(true),
    /** For yes/no questions: a clause with one of these and a yes or no word answers the question. */
    topicWords: z.array(z.string().min(1)).default([]),
    /** Two options that together mean a third ("me and my husband" → both). */
    combine: z.array(z.object({ of: z.array(id).min(2), is: id })).default([]),
  })
  .superRefine((q, ctx) => {
    if (q.kind !== "date" && q.options.length < 2) ctx.addIssue({ code: "custom", message: `question ${q.id} needs at least two options` });
    const ids = new Set(q.options.map((o) => o.id));
    if (ids.size !== q.options.length) ctx.addIssue({ code: "custom", message: `question ${q.id} repeats an option id` });
    for (const c of q.combine) {
      for (const o of [...c.of, c.is]) if (!ids.has(o)) ctx.addIssue({ code: "custom", message: `question ${q.id}: combine names unknown option ${o}` });
    }
  });

/** A questions file (config/onboarding/questions.yaml). */
export const questionsFileSchema = z
  .object({ questions: z.array(questionSchema).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Map(file.questions.map((q) => [q.id, q.kind]));
    if (seen.size !== file.questions.length) ctx.addIssue({ code: "custom", message: "two questions share an id" });
    for (const [known, kind] of Object.entries(KNOWN_QUESTIONS)) {
      if (seen.get(known) !== kind) ctx.addIssue({ code: "custom", message: `question ${known} (kind ${kind}) is required: other bots read it` });
    }
  });

export type IntakeQuestion = z.infer<typeof questionSchema>;
export type IntakeOption = z.infer<typeof optionSchema>;
