import { escapeMarkdownInline } from "../../plugins/markdown/escape-markdown.ts";
import type { MemberForumView } from "./member-view.ts";
import { type LocalDate, milestoneWeek } from "./milestones.ts";
import type { EncouragementLine } from "./pick-encouragement.ts";
import { type DigestTexts, fill, plural } from "./texts.ts";

/** A member's own week, from Kindred's tallies (never post text). */
export interface MemberActivity {
  posts: number;
  replies: number;
  likesReceived: number;
  /** Who liked their posts this week, most recent first, already without anonymous accounts and bots. */
  thankedBy: string[];
  /** Likes from accounts that may not be named (anonymous mode). */
  thankedByUnnamed: number;
  checkedInThisWeek: boolean;
  /** Weeks with at least one post or reply of theirs, ever counted: it only grows. */
  checkinWeeks: number;
}

/** Everything one digest is made of; composing is pure. */
export interface DigestInput {
  username: string;
  forumUrl: string;
  /** The member's local date at send time. */
  today: LocalDate;
  /** Only when the member shared a date AND asked for milestones. */
  sobrietyDate?: LocalDate;
  activity: MemberActivity;
  view: MemberForumView;
  encouragement: EncouragementLine;
  /** Crisis watch's resource card, compact (markdown Kindred wrote; not escaped again). */
  resources: string;
}

export interface ComposeOptions {
  texts: DigestTexts;
  milestoneDays: readonly number[];
  showAuthors: boolean;
  isAnonymous(username: string): boolean;
  /** Names listed before "and N more". @defaultValue 5 */
  maxNames?: number;
}

export interface ComposedDigest {
  title: string;
  raw: string;
}

const safeSlug = (slug: string) => (/^[a-z0-9-]{1,100}$/.test(slug) ? slug : "topic");

function weekSection(input: DigestInput, o: ComposeOptions): string[] {
  const t = o.texts.week;
  const lines = [t.heading];
  if (input.sobrietyDate) {
    const m = milestoneWeek(input.sobrietyDate, input.today, o.milestoneDays);
    if (m.days >= 0) {
      lines.push(fill(t.daysSince, { days: m.days }));
      for (const reached of m.reached) lines.push(fill(t.milestoneReached, { milestone: reached.label }));
      for (const next of m.next) lines.push(fill(t.milestoneNext, { milestone: next.label }));
    }
  }
  const a = input.activity;
  // Celebrated when it happened; a quiet week is never called a miss and no count ever goes down.
  lines.push(a.checkedInThisWeek ? t.checkedIn : t.quiet);
  if (a.checkinWeeks > 0) lines.push(fill(t.checkinWeeks, { weeks: a.checkinWeeks }));
  return lines;
}

function gaveSection(input: DigestInput, o: ComposeOptions): string[] {
  const t = o.texts.gave;
  const a = input.activity;
  const lines = [t.heading];
  if (a.posts + a.replies === 0 && a.likesReceived === 0) return [...lines, t.nothingYet];
  if (a.posts + a.replies > 0) {
    lines.push(
      fill(t.posts, { posts: a.posts, postsWord: plural(a.posts, "topic", "topics"), replies: a.replies, repliesWord: plural(a.replies, "reply", "replies") }),
    );
  }
  if (a.likesReceived > 0) lines.push(fill(t.likes, { likes: a.likesReceived, likesWord: plural(a.likesReceived, "time", "times") }));
  const named = [...new Set(a.thankedBy.filter((name) => !o.isAnonymous(name)))];
  const shown = named.slice(0, o.maxNames ?? 5).map(escapeMarkdownInline);
  const more = named.length - shown.length + a.thankedByUnnamed;
  if (shown.length > 0) lines.push(fill(more > 0 ? t.thankedByMore : t.thankedBy, { names: shown.join(", "), more }));
  return lines;
}

function groupsSection(input: DigestInput, o: ComposeOptions): string[] {
  const t = o.texts.groups;
  const { topTopics, restricted } = input.view;
  if (topTopics.length === 0 && restricted.length === 0) return [];
  const lines = [t.heading];
  if (topTopics.length > 0) {
    lines.push(t.appreciated);
    const items = topTopics.map((topic) => {
      const link = `[${escapeMarkdownInline(topic.title)}](${input.forumUrl}/t/${safeSlug(topic.slug)}/${topic.id})`;
      const author = o.showAuthors && topic.author && !o.isAnonymous(topic.author) ? ` (${fill(t.byAuthor, { author: escapeMarkdownInline(topic.author) })})` : "";
      return `- ${link}${author}`;
    });
    lines.push(items.join("\n"));
  }
  // Restricted but readable: a count and the category page only. A topic link would carry its title.
  for (const r of restricted) {
    lines.push(fill(t.restricted, { name: escapeMarkdownInline(r.name), topics: r.topicsWeek, topicsWord: plural(r.topicsWeek, "conversation", "conversations"), url: r.url }));
  }
  return lines;
}

/**
 * The weekly digest as markdown (issue #6, "What it says"): their week, what they gave, what the
 * community appreciated (only what they may read), one encouragement line and the resources footer.
 * Everything that came from members is escaped here, and only here.
 */
export function composeDigest(input: DigestInput, options: ComposeOptions): ComposedDigest {
  const t = options.texts;
  const sections = [
    [fill(t.greeting, { username: escapeMarkdownInline(input.username) })],
    weekSection(input, options),
    gaveSection(input, options),
    groupsSection(input, options),
    [t.encouragementHeading, input.encouragement.text],
    [t.footer.heading, input.resources.trim(), "---", t.footer.settings],
  ].filter((s) => s.length > 0);
  return { title: t.title, raw: `${sections.map((s) => s.join("\n\n")).join("\n\n")}\n` };
}

/** The gentle monthly note for a member who has been away a while: nothing about anyone else. */
export function composeStillHere(username: string, texts: DigestTexts): ComposedDigest {
  return { title: texts.stillHereTitle, raw: `${fill(texts.stillHere, { username: escapeMarkdownInline(username) })}\n` };
}
