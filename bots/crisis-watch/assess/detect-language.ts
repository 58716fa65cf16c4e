/**
 * Decides which lexicons apply to a post. Function words decide cheaply for English, Spanish and
 * French; franc-min (no model download, trigram tables in the package) is asked only when they do not.
 */
import { franc } from "franc-min";

/** `en`/`es`/`fr`: assessable; `other`: a language Kindred cannot assess; `und`: nothing to read. */
export type DetectedLanguage = "en" | "es" | "fr" | "pt" | "other" | "und";

const FUNCTION_WORDS: Readonly<Record<"en" | "es" | "fr" | "pt", ReadonlySet<string>>> = {
  en: new Set("i im my the an and to of is it in that this for was you but not just so have with be on are dont cant at me we he she they what if or up out get got about like do ive idk u ur rn tbh lol gona wana".split(" ")),
  es: new Set("yo me mi el la los las de que y en un una no es por con para se lo estoy quiero pero muy ya".split(" ")),
  pt: new Set("eu nao meu minha o os do da dos das e em um uma com pra que se estou to tou quero mas muito ja voce vc ele ela isso esse essa tem".split(" ")),
  fr: new Set("je jai moi me le la les de des et en un une pas est que qui pour avec ne suis mais tres plus cest".split(" ")),
};
const FRANC_TO_OURS: Readonly<Record<string, DetectedLanguage>> = { eng: "en", sco: "en", spa: "es", fra: "fr", por: "pt", glg: "pt" };

/**
 * Detects the language of `folded` (see `foldText`); `raw` is used for script checks and franc.
 *
 * @example detectLanguage("je veux mourir", "Je veux mourir") // "fr"
 */
export function detectLanguage(folded: string, raw: string): DetectedLanguage {
  if (/[^\x00-\x7F]/.test(raw)) {
    const letters = raw.match(/\p{L}/gu)?.length ?? 0;
    const latin = raw.match(/[A-Za-z\u00C0-\u024F]/g)?.length ?? 0;
    // Mostly non-Latin letters (Cyrillic, Arabic, CJK…): the lexicons cannot read it.
    if (letters > 0 && latin / letters < 0.5) return "other";
  }
  const words = folded.split(" ").filter((w) => w !== "" && !w.startsWith("emoji_"));
  if (words.length === 0) return "und";
  const counts = { en: 0, es: 0, fr: 0, pt: 0 };
  for (const w of words) {
    if (FUNCTION_WORDS.en.has(w)) counts.en++;
    if (FUNCTION_WORDS.es.has(w)) counts.es++;
    if (FUNCTION_WORDS.fr.has(w)) counts.fr++;
    if (FUNCTION_WORDS.pt.has(w)) counts.pt++;
  }
  const best = (Object.keys(counts) as ("en" | "es" | "fr" | "pt")[]).sort((a, b) => counts[b] - counts[a])[0];
  const share = counts[best] / words.length;
  // Short posts ("kms tonight fr", "swallowed everything") carry few function words. A misread
  // short post loses nothing: other languages are still matched against every lexicon.
  if (words.length <= 6 && counts[best] > 0) {
    const others = (["es", "fr", "pt"] as const).map((l) => counts[l]);
    if (counts.en > Math.max(...others)) return "en";
    // "me voy a matar", "vou me matar": too few words to tell; read every lexicon.
    return others.filter((n) => n === counts[best]).length === 1 && counts[best] > counts.en ? best : "und";
  }
  // A few plain-ASCII words and no function word ("craving hard 🍷"): nothing says it is foreign.
  if (words.length <= 6 && !/[^\x00-\x7F]/.test(raw.replace(/\P{L}/gu, ""))) return "und";
  const runnerUp = Math.max(...(["en", "es", "fr", "pt"] as const).filter((l) => l !== best).map((l) => counts[l]));
  if (share >= 0.12 && counts[best] >= 2 * Math.max(runnerUp, 0.5)) return best;
  if (share >= 0.2 && counts[best] > runnerUp) return best;
  const guess = franc(raw, { minLength: 10 });
  if (guess === "und") return share >= 0.08 ? best : "other";
  return FRANC_TO_OURS[guess] ?? (share >= 0.15 ? best : "other");
}
