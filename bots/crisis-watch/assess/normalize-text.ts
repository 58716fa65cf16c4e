/**
 * Unicode clean-up done before folding: NFKC (full-width and "𝐦𝐚𝐭𝐡" letters become ASCII), accents
 * and other combining marks removed (also defeats "zalgo" text), invisible characters removed,
 * look-alike letters from other scripts mapped to Latin, and emoji written out as words
 * (`emoji_pill`), because emoji count as words in the labels (LABELS.md).
 */

// Zero-width and formatting characters, variation selectors, skin-tone modifiers, soft hyphen.
// (U+034F, a combining mark, is left to MARKS below so that the class holds no combining character.)
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|\p{Variation_Selector}|\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}|[\u{E0000}-\u{E007F}]/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7F]/;

// Cyrillic and Greek letters that look like Latin ones (the confusables most used to dodge filters).
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y",
  х: "x", і: "i", ї: "i", ј: "j", ѕ: "s", ԁ: "d", ɡ: "g", ո: "n", ս: "u", ӏ: "l",
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", І: "I",
  α: "a", β: "b", ε: "e", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ѡ: "w",
  Α: "A", Β: "B", Ε: "E", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X",
};
const HOMOGLYPH_CLASS = `[${Object.keys(HOMOGLYPHS).join("")}]`;
const HOMOGLYPH_RE = new RegExp(HOMOGLYPH_CLASS, "g");
const HAS_HOMOGLYPH = new RegExp(HOMOGLYPH_CLASS);

/** Maps emoji (as written in `config/crisis/emoji.yaml`) to a word; built by the lexicon loader. */
export interface EmojiTable {
  pattern: RegExp | null;
  words: ReadonlyMap<string, string>;
}

/**
 * Cleans raw text for matching; the result is still mixed case and keeps punctuation.
 * Only mixed-script words are de-homoglyphed, so a post written in Russian stays Russian
 * (and is recognised as a language Kindred cannot assess).
 *
 * @example normalizeText("ｋｉｌｌ m\u200Byself 💊", table) // "kill myself  emoji_pill "
 */
export function normalizeText(raw: string, emoji: EmojiTable): string {
  // Plain ASCII (most posts) has nothing to normalise.
  if (!NON_ASCII.test(raw)) return raw;
  let text = raw.normalize("NFKC").replace(INVISIBLE, "");
  if (emoji.pattern) text = text.replace(emoji.pattern, (m) => ` ${emoji.words.get(m) ?? ""} `);
  text = text.normalize("NFD").replace(MARKS, "").normalize("NFC");
  if (HAS_HOMOGLYPH.test(text)) text = text.replace(/\S+/g, foldMixedScriptWord);
  return text;
}

function foldMixedScriptWord(word: string): string {
  // Only words that mix Latin letters with look-alikes are rewritten ("kіll" with a Cyrillic і).
  if (!/[A-Za-z]/.test(word)) return word;
  return word.replace(HOMOGLYPH_RE, (ch) => HOMOGLYPHS[ch] ?? ch);
}
