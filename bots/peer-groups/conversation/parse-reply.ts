import { normalizeCommand } from "../../../plugins/app/own-words.ts";

/** What a member's reply in a suggestions thread asks for. */
export type GroupsReply =
  | { kind: "groups" }
  | { kind: "join"; number: number; confirmed: boolean }
  | { kind: "decline"; number: number }
  | { kind: "more" }
  | { kind: "not-now" }
  | { kind: "yes" }
  | { kind: "no" }
  | { kind: "ask-for-me" };

/** Reads a reply; undefined when it is not one of the peer-groups words (other handlers may take it). */
export function parseGroupsReply(text: string): GroupsReply | undefined {
  // Discourse rejects PM replies under 10 characters (min_personal_message_post_length), so members
  // pad short words: "join 2 please", "more, thanks!". The padding is read past.
  const t = normalizeCommand(text)
    .replace(/^(ok(ay)?|hi|hey|yes please|please)\s+(?=\S)/, (m) => (m.startsWith("yes") ? m : ""))
    .replace(/(\s+(please|thanks|thank you|thx|ty|kindred|ok|okay))+$/, (m) => (/^\s+please$/.test(m) && /^(join|add)/.test(normalizeCommand(text)) ? m : ""));
  if (/^(show )?(my )?(peer )?groups?( please)?$|^group suggestions$/.test(t)) return { kind: "groups" };
  let m = /^(?:join|add me to|add me|join number|join group)\s*(?:number\s*)?(\d{1,2})(?:\s+(yes|please|yes please))?$/.exec(t);
  if (m) return { kind: "join", number: Number(m[1]), confirmed: Boolean(m[2]?.startsWith("yes")) };
  m = /^(?:no|not|skip|no thanks)\s*(?:to\s*)?(?:number\s*)?(\d{1,2})$/.exec(t);
  if (m) return { kind: "decline", number: Number(m[1]) };
  if (/^(more|more groups|show more|next|others|other groups)( please)?$/.test(t)) return { kind: "more" };
  if (/^(not now|no groups|maybe later|later|not right now|no thanks not now)$/.test(t)) return { kind: "not-now" };
  if (/^(yes|yes please|yep|yeah|ok|okay|sure|go ahead|do it|please do)$/.test(t)) return { kind: "yes" };
  if (/^(no|nope|no thanks|cancel|never mind|nevermind)$/.test(t)) return { kind: "no" };
  if (/^(ask for me|please ask for me|ask them for me|ask the owners|message the owners)$/.test(t)) return { kind: "ask-for-me" };
  return undefined;
}
