import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";

const text = z.string().min(1);

/** `config/peer-groups/messages.yaml`. */
export const messagesSchema = z.object({
  title: text,
  intro: text,
  item: text,
  membersVisible: text,
  byRequest: text,
  howToReply: text,
  noneFit: text,
  noMore: text,
  notNow: text,
  declined: text,
  confirmVisible: text,
  joined: text,
  alreadyIn: text,
  full: text,
  fullSibling: text,
  requestHowTo: text,
  askedOwners: text,
  ownersTitle: text,
  ownersMessage: text,
  unavailable: text,
  unknownNumber: text,
  nothingPending: text,
  cancelled: text,
  failed: text,
  bandTitle: text,
  bandIntro: text,
});

export type Messages = z.infer<typeof messagesSchema>;

export const DEFAULT_MESSAGES_FILE = fileURLToPath(new URL("../../../config/peer-groups/messages.yaml", import.meta.url));

const cache = new Map<string, Messages>();

/** Reads and checks the message templates, once per file. */
export function loadMessages(file: string = DEFAULT_MESSAGES_FILE): Messages {
  const cached = cache.get(file);
  if (cached) return cached;
  const result = messagesSchema.safeParse(parse(readFileSync(file, "utf8")));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`[peer-groups] ${file}: ${issue.path.join(".")}: ${issue.message}`);
  }
  cache.set(file, result.data);
  return result.data;
}

/**
 * Fills `{{name}}` placeholders. Values are inserted as given: callers escape anything a member or
 * a moderator wrote (usernames, group titles) with `escapeMarkdownInline` first.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole)).trim();
}
