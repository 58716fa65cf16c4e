import { escapeMarkdownInline } from "../../../plugins/markdown/escape-markdown.ts";
import { membersSeenByOthers } from "../catalogue/vocabulary.ts";
import { reasonSentence } from "../match/explain-match.ts";
import type { CompiledCatalogue } from "../match/compile-catalogue.ts";
import { fill, type Messages } from "./messages.ts";

/** A group's page on the forum. */
export const groupLink = (forumUrl: string, name: string) => `${forumUrl}/g/${encodeURIComponent(name)}`;

export interface OfferItem {
  number: number;
  name: string;
  reasons: readonly string[];
}

/**
 * The numbered suggestions, each with its reasons and, where they apply, the notes a member must
 * read before joining: who can see the member list, and that owners approve new members.
 */
export function renderItems(catalogue: CompiledCatalogue, messages: Messages, forumUrl: string, items: readonly OfferItem[]): string {
  return items
    .map((item) => {
      const index = catalogue.byName.get(item.name.toLowerCase());
      if (index === undefined) return "";
      const g = catalogue.groups[index].group;
      const notes = [membersSeenByOthers(g.membersVisibleTo) ? messages.membersVisible : "", g.join === "request" ? messages.byRequest : ""].filter(Boolean);
      return fill(messages.item, {
        number: item.number,
        title: escapeMarkdownInline(g.title),
        link: groupLink(forumUrl, g.name),
        description: g.description.trim(),
        why: reasonSentence(item.reasons),
        notes: notes.length ? `\n${notes.join(" ")}` : "",
      });
    })
    .filter(Boolean)
    .join("\n\n");
}

/** The whole suggestions message: intro, items, how to answer. */
export function renderOffer(catalogue: CompiledCatalogue, messages: Messages, forumUrl: string, items: readonly OfferItem[], intro = messages.intro): string {
  return [intro.trim(), renderItems(catalogue, messages, forumUrl, items), fill(messages.howToReply, { first: items[0]?.number ?? 1 })].join("\n\n");
}
