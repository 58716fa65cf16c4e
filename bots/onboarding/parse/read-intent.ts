import { wordsOnly } from "./fold-text.ts";

/** What a whole short reply means on its own, before any answer is looked for. */
export type Intent = "yes" | "no" | "skip" | "stop" | "help" | "goOn" | "date";

const PHRASES: Record<Intent, string[]> = {
  stop: [
    "stop asking", "stop messaging me", "stop messaging", "stop it", "please stop", "stop please", "leave me alone",
    "no more messages", "no more questions", "dont message me", "don t message me", "do not message me", "unsubscribe me",
    "para", "basta", "deja de escribirme", "no me escribas", "arrete", "arretez", "laisse moi tranquille", "stop merci",
  ],
  skip: [
    "skip", "skip all", "skip them", "skip it", "skip for now", "skip the questions", "pass", "i ll pass", "ill pass",
    "rather not", "id rather not", "i d rather not", "saltar", "omitir", "paso", "prefiero no", "passer", "je passe", "je prefere pas",
  ],
  no: [
    "no", "nope", "nah", "no thanks", "no thank you", "not now", "not today", "later", "maybe later", "not right now",
    "no gracias", "ahora no", "mas tarde", "non", "non merci", "pas maintenant", "plus tard", "👎",
  ],
  yes: [
    "yes", "yeah", "yep", "yup", "sure", "ok", "okay", "k", "alright", "all right", "go ahead", "yes please", "please",
    "sounds good", "why not", "happy to", "of course", "si", "claro", "vale", "bueno", "por supuesto", "oui", "ouais",
    "d accord", "bien sur", "volontiers", "👍", "✅", "🙂", "😊", "👌",
  ],
  goOn: [
    "go on", "continue", "carry on", "lets continue", "let s continue", "questions", "the questions", "ask me",
    "next", "lets go", "let s go", "ready", "im ready", "i m ready", "i m ok now", "im ok now", "i m okay now",
    "seguir", "sigue", "sigamos", "continuar", "continua", "continuer", "continue s il te plait", "on continue", "vas y", "allez",
  ],
  help: [
    "help", "how do i answer", "how do i answer this", "how does this work", "i don t understand", "i dont understand",
    "what do i do", "what do i write", "confused", "ayuda", "no entiendo", "como respondo", "aide", "je ne comprends pas",
    "je comprends pas", "comment repondre",
  ],
  date: ["date", "my date", "fecha", "mi fecha", "ma date"],
};

const POLITE = /\s+(please|thanks|thank you|thx|por favor|gracias|merci|s il te plait|s il vous plait)$/;
const PREFIX = /^(um+|uh+|hmm+|well|so|oh|ah|hi|hello|hey|hola|salut|bonjour|please|pls|just|por favor)\s+/;

const LOOKUP = new Map<string, Intent>();
for (const [intent, list] of Object.entries(PHRASES) as Array<[Intent, string[]]>) {
  for (const phrase of list) LOOKUP.set(phrase, intent);
}

/**
 * Reads a reply that is only a command-like word or phrase ("skip", "no thanks", "go on", "¿ayuda?",
 * "👍", "ok let's go"). Anything longer, or with answers in it, is not an intent (undefined).
 *
 * @example readIntent("No thanks!") // "no"
 */
export function readIntent(folded: string): Intent | undefined {
  const emojiOnly = folded.trim();
  if (LOOKUP.has(emojiOnly)) return LOOKUP.get(emojiOnly);
  let text = wordsOnly(folded);
  if (text === "" && /\?/.test(folded)) return "help";
  for (let i = 0; i < 2; i++) text = text.replace(PREFIX, "").replace(POLITE, "").trim();
  const direct = LOOKUP.get(text);
  if (direct) return direct;
  // "ok go on", "yes please continue", "sure, questions": the last intent word decides.
  const trimmed = text.replace(/^(yes|ok|okay|sure|si|oui|vale)\s+/, "");
  return trimmed !== text ? LOOKUP.get(trimmed) : undefined;
}
