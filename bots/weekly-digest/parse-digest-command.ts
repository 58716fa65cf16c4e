/** A member's digest command, read from their own words. */
export type DigestCommand = { kind: "on" } | { kind: "off" } | { kind: "pause"; weeks: number };

const NUMBERS: Record<string, number> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/**
 * What `app.command` matches (on text already lower-cased, punctuation gone): "digest on", "digest off",
 * "pause 4 weeks", "pause digest for two weeks", "digest pause 3 weeks"… with a polite "yes," or
 * "please" around it: Discourse refuses PM posts under 10 characters (`min_personal_message_post_length`),
 * so "digest on" alone (9) never arrives on a default forum, and the texts suggest "digest on please".
 */
export const DIGEST_COMMAND =
  /^(?:(?:yes|no|ok|okay|please)\s)*(?:turn )?(?:the )?(?:weekly )?(?:digest (?:on|off|start|stop)|(?:start|stop) (?:the )?digest|(?:digest )?pause(?: the)?(?: digest)?(?: for)? (?:\d{1,2}|[a-z]+) weeks?)(?: please| thanks| thank you)*$/;

/** Longest pause a command sets; "digest off" is there for longer. */
export const MAX_PAUSE_WEEKS = 52;

/** Parses a normalized command, or undefined when it is not one of the digest's. */
export function parseDigestCommand(normalized: string): DigestCommand | undefined {
  if (!DIGEST_COMMAND.test(normalized)) return undefined;
  if (/\bpause\b/.test(normalized)) {
    const word = /(\d{1,2}|[a-z]+) weeks?$/.exec(normalized)?.[1] ?? "";
    const weeks = /^\d+$/.test(word) ? Number(word) : NUMBERS[word];
    if (!weeks || weeks < 1) return undefined;
    return { kind: "pause", weeks: Math.min(weeks, MAX_PAUSE_WEEKS) };
  }
  return /\bdigest (on|start)\b|\bstart (the )?digest\b/.test(normalized) ? { kind: "on" } : { kind: "off" };
}
