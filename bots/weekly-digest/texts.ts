import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";

const text = z.string().min(1);

/** The shape of `config/digest/texts.yaml`. */
export const digestTextsSchema = z.object({
  title: text,
  stillHereTitle: text,
  invitationTitle: text,
  greeting: text,
  week: z.object({
    heading: text,
    daysSince: text,
    milestoneReached: text,
    milestoneNext: text,
    checkedIn: text,
    checkinWeeks: text,
    quiet: text,
  }),
  gave: z.object({ heading: text, posts: text, likes: text, thankedBy: text, thankedByMore: text, nothingYet: text }),
  groups: z.object({ heading: text, appreciated: text, byAuthor: text, restricted: text }),
  encouragementHeading: text,
  footer: z.object({ heading: text, settings: text }),
  stillHere: text,
  invitation: text,
  groupPostTitle: text,
  groupPost: text,
  replies: z.object({ on: text, off: text, paused: text, notSubscribed: text }),
  encouragements: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), text })).min(1),
});

export type DigestTexts = z.infer<typeof digestTextsSchema>;

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const cache = new Map<string, DigestTexts>();

/**
 * Reads and checks the digest's texts once per file (they change with a deploy, not at run time).
 * @param file - absolute, or relative to the repository (setting `digest.textsFile`).
 * @throws Error naming the file and the first bad field.
 */
export function loadDigestTexts(file: string): DigestTexts {
  const path = isAbsolute(file) ? file : resolve(REPO_ROOT, file);
  const cached = cache.get(path);
  if (cached) return cached;
  const parsed = digestTextsSchema.safeParse(parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`[weekly-digest] ${file}: ${issue.path.join(".")}: ${issue.message}`);
  }
  const ids = parsed.data.encouragements.map((e) => e.id);
  if (new Set(ids).size !== ids.length) throw new Error(`[weekly-digest] ${file}: encouragement ids must be unique`);
  cache.set(path, parsed.data);
  return parsed.data;
}

/** Fills `{{name}}` placeholders. Values must already be safe markdown (escaped by the caller). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)).trim();
}

/** "1 reply" / "2 replies": the word only, the number is written by the template. */
export function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
