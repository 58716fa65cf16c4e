import { normalizeCommand } from "./own-words.ts";

/** Courtesy and padding members add; Discourse also refuses PMs under 10 characters, so "stop" alone can't be sent. */
const FILLERS = new Set(["please", "pls", "plz", "thanks", "thank", "you", "thx", "ty", "kindred", "bot", "now", "ok", "okay", "hi", "hey", "just", "can", "could", "would", "u"]);
/** Words that may follow "stop" and still mean the messages, not a habit ("stop drinking" is not a command). */
const ABOUT_MESSAGES = new Set(["messages", "message", "messaging", "me", "this", "these", "sending", "them", "it", "the", "emails", "notes", "pms", "pm", "texts", "all", "everything", "of", "from", "bots", "sending"]);

export type GlobalCommand = "stop" | "stop all" | "resume" | "resume all" | "forget me" | "help";

/**
 * Reads the words every Kindred thread understands out of a member's reply, tolerating courtesy
 * and padding ("stop please", "please forget me", "Stop all messages, thanks") but never a sentence
 * about their life ("I can't stop drinking", "help me stay sober today").
 */
export function matchGlobalCommand(text: string): GlobalCommand | undefined {
  const words = normalizeCommand(text).split(" ").filter((w) => w && !FILLERS.has(w));
  if (words.length === 0 || words.length > 6) return undefined;
  const [first, ...rest] = words;
  const onlyAboutMessages = rest.every((w) => ABOUT_MESSAGES.has(w));
  const all = rest.includes("all") || rest.includes("everything");
  if ((first === "stop" || first === "unsubscribe") && onlyAboutMessages) return all ? "stop all" : "stop";
  if ((first === "resume" || first === "start") && onlyAboutMessages) return all ? "resume all" : "resume";
  if (words.join(" ").match(/^(forget me|forget about me|delete my data|forget my data|delete me|delete everything about me)$/)) return "forget me";
  if (words.length === 1 && (first === "help" || first === "commands")) return "help";
  return undefined;
}
