/**
 * Every message template of the onboarding bot, with the placeholders each may use. Values named in
 * `memberText` come from members (usernames) and are always escaped; the rest is Kindred's own
 * markdown (links from config, the crisis resource card, the numbered questions).
 */
export const TEMPLATE_PLACEHOLDERS = {
  welcome: ["username", "forumUrl", "introductionsUrl", "privacyUrl", "resourceCard"],
  intake: ["username", "questions"],
  reask: ["missing"],
  done: ["startingPoints", "groupsLine", "weeklyLine"],
  doneWithoutAnswers: ["startingPoints", "introductionsUrl"],
  declined: ["introductionsUrl"],
  support: ["resourceCard", "introductionsUrl"],
  intakeHelp: ["introductionsUrl"],
  nudge: ["username", "introductionsUrl"],
  greeterNote: ["newcomers"],
  dateSet: ["date"],
  dateRemoved: [],
  dateHelp: ["date"],
} as const satisfies Record<string, readonly string[]>;

export type TemplateName = keyof typeof TEMPLATE_PLACEHOLDERS;

/** Placeholders whose values come from members and are escaped before they reach markdown. */
export const MEMBER_TEXT_PLACEHOLDERS: ReadonlySet<string> = new Set(["username"]);

export const TEMPLATE_NAMES = Object.keys(TEMPLATE_PLACEHOLDERS) as TemplateName[];
