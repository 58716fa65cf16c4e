import type { Assessment } from "./assess/types.ts";
import { LANE_WORDS, LEVEL_WORDS } from "./lane-words.ts";

export interface MessageFacts {
  assessment: Assessment;
  postUrl: string;
  /** What Kindred did besides the flag ("a resource card was sent privately"). */
  actions: string[];
  /** For an edit that raised the level: the flag that already exists. */
  raisedFrom?: string;
}

/**
 * The text moderators act on: lane, the deciding sentence, why — written as an automated check,
 * never with Discourse's "community members flagged this" wording (meta topic 102903).
 */
export function moderatorMessage(facts: MessageFacts, maxLength = 1000): string {
  const { assessment } = facts;
  const lanes = assessment.lanes.map((lane) => LANE_WORDS[lane]).join(", ") || "unclear";
  const deciding = assessment.evidence.filter((e) => e.level === assessment.level).slice(0, 2);
  const lines = [
    `Kindred crisis watch (automated check, not a member's report): ${LEVEL_WORDS[assessment.level]}.`,
    `Lane: ${lanes}.`,
    ...deciding.map((e) => `Deciding sentence: "${e.sentence}" (why: ${e.why})`),
    facts.raisedFrom ? `This post was edited: it was ${facts.raisedFrom} and now reads as more serious.` : "",
    facts.actions.length ? `Kindred also: ${facts.actions.join("; ")}.` : "",
    `Post: ${facts.postUrl}`,
    "Please check in with the member. Kindred never hides posts; you decide what happens next.",
  ].filter(Boolean);
  const text = lines.join("\n");
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}
