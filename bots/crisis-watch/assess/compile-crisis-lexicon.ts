/**
 * Turns parsed lexicon files into the compiled form `assess` uses. Pure: no file access.
 */
import { compileTermWithNeed, type WordNeed } from "./compile-term.ts";
import type { LexiconFile } from "./lexicon-schema.ts";
import type { CompiledCue, CompiledLanguage, CompiledLexicon, MarkerName } from "./lexicon-types.ts";
import { foldText } from "./fold-text.ts";
import type { EmojiTable } from "./normalize-text.ts";
import { buildWordPrefilter } from "./word-prefilter.ts";

/** A lexicon file after YAML parsing and validation, with the name it came from. */
export interface NamedLexiconFile {
  file: string;
  data: LexiconFile;
}

/**
 * Compiles lexicon files. Files with the same `language` are merged; `language: any` files only
 * contribute emoji. Throws an Error naming the file and term when a term does not compile.
 */
export function compileCrisisLexicon(files: readonly NamedLexiconFile[]): CompiledLexicon {
  const byLanguage = new Map<string, NamedLexiconFile[]>();
  const emojiWords = new Map<string, string>();
  for (const f of files) {
    for (const [emoji, word] of Object.entries(f.data.emoji)) emojiWords.set(emoji, `emoji_${word}`);
    if (f.data.language === "any") continue;
    const list = byLanguage.get(f.data.language) ?? [];
    list.push(f);
    byLanguage.set(f.data.language, list);
  }
  const languages = new Map<string, CompiledLanguage>();
  for (const [language, list] of byLanguage) languages.set(language, compileLanguage(language, list));
  return {
    languages,
    emoji: emojiTable(emojiWords),
    sources: files.map((f) => ({ file: f.file, source: f.data.source })),
  };
}

function compileLanguage(language: string, files: readonly NamedLexiconFile[]): CompiledLanguage {
  const macros: Record<string, string> = {};
  for (const f of files) Object.assign(macros, f.data.macros);
  const markerTerms = new Map<MarkerName, string[]>();
  const markerNeeds = new Map<MarkerName, WordNeed[]>();
  const cues: CompiledCue[] = [];
  const cueNeeds: WordNeed[][] = [];
  const ids = new Set<string>();
  for (const f of files) {
    for (const [name, terms] of Object.entries(f.data.markers)) {
      const compiled = (terms ?? []).map((t) => compileOrThrow(t, macros, f.file));
      markerTerms.set(name as MarkerName, [...(markerTerms.get(name as MarkerName) ?? []), ...compiled.map((c) => c.source)]);
      markerNeeds.set(name as MarkerName, [...(markerNeeds.get(name as MarkerName) ?? []), ...compiled.map((c) => c.need)]);
    }
    for (const cue of f.data.cues) {
      if (ids.has(cue.id)) throw new Error(`[crisis-lexicon] duplicate cue id ${cue.id} in ${f.file}`);
      ids.add(cue.id);
      const compiled = cue.terms.map((t) => compileOrThrow(t, macros, f.file));
      const source = compiled.map((c) => c.source).join("|");
      cueNeeds.push(compiled.map((c) => c.need));
      cues.push({
        id: cue.id,
        kind: cue.kind,
        lanes: cue.lanes,
        who: cue.who,
        needs: cue.needs,
        ...(cue.facet ? { facet: cue.facet } : {}),
        why: cue.why,
        // Multiline: the first test reads the whole post one sentence per line, so a term anchored to
        // its sentence ("^last post$") matches in any sentence, not only the first.
        re: new RegExp(`\\b(?:${source})\\b`, "gm"),
      });
    }
  }
  const markers: Partial<Record<MarkerName, RegExp>> = {};
  for (const [name, sources] of markerTerms) markers[name] = new RegExp(`\\b(?:${sources.join("|")})\\b`, "g");
  // Markers are read sentence by sentence; a sentence without their words skips their expressions too.
  const markerNames = [...markerNeeds.keys()];
  const pickMarkers = buildWordPrefilter(markerNames.map((name) => markerNeeds.get(name) ?? []));
  const markerCandidates = (folded: string): ReadonlySet<MarkerName> => new Set(pickMarkers(folded).map((i) => markerNames[i]));
  const pick = buildWordPrefilter(cueNeeds);
  const candidates = (folded: string) => pick(folded).map((i) => cues[i]);
  // Not one union regex: V8 leaves a regex that large in its bytecode interpreter (about 100× slower
  // than the per-cue regexes, which it compiles to native code).
  const any = {
    test: (text: string) =>
      candidates(text).some((c) => {
        c.re.lastIndex = 0;
        return c.re.test(text);
      }),
  };
  // English is read in every post, so it is compiled now; Spanish, French and Portuguese compile when
  // a post first needs them. V8 stops optimising regular expressions once a process holds too much
  // compiled regexp code (about 1 MB generated and 16 MB executable): compiling rarely used languages
  // up front would push the English cues that run on every post past that line.
  // If the process crosses V8's line while the lexicon compiles, what compiles last is left unoptimised
  // (tens of times slower): so first the markers, which stage 2 reads in every sentence a cue matched,
  // then the cues an ordinary post already has the words for (they run on almost every post), then those
  // common crisis talk reaches, then the rest.
  if (language === "en") {
    const everyday = new Set(candidates(ORDINARY_POST));
    const crisis = new Set(candidates(foldText(WARM_TEXT)));
    const order = [...cues.filter((c) => everyday.has(c)), ...cues.filter((c) => !everyday.has(c) && crisis.has(c)), ...cues.filter((c) => !everyday.has(c) && !crisis.has(c))];
    warm([...Object.values(markers), ...order.map((c) => c.re)]);
  }
  return { language, cues, candidates, any, markers, markerCandidates };
}

// Folded everyday forum talk, for ordering the compilation only.
const ORDINARY_POST = [
  "went to my meeting today and talked with my sponsor about the wek has anyone tried the online one",
  "we had cofe after and i fel ok the kids are god and work has ben busy but i made a list",
  "thanks for reading se you al tomorow night i have ben trying to kep it simple and go to bed early",
  "my mom called and we walked the dog i was there for al of it and i am grateful",
  "last night i could not slep so i cleaned the house it rained al wekend and i stayed home",
  "if anyone knows a god group near me let me know i want to start going again",
].join("\n");

// V8 first runs a regex in its bytecode interpreter and compiles it to native code once it has been
// used enough; doing that here, when the lexicon loads, keeps that one-time step (and its memory)
// out of the first thousands of posts, the same in production as in the bench.
const WARM_TEXT =
  "i took all my pills tonight and im alone, he is not breathing. years ago i used to drink. i want to die and i have them counted out. " +
  "i cant stop using, im so close to taking the whole bottle. he hit me and says he will kill me. my friend wont wake up";
function warm(regexes: readonly RegExp[]): void {
  for (let round = 0; round < 3; round++) {
    for (const re of regexes) {
      re.lastIndex = 0;
      re.test(WARM_TEXT);
      re.lastIndex = 0;
    }
  }
}

function compileOrThrow(term: string, macros: Record<string, string>, file: string): { source: string; need: WordNeed } {
  try {
    const compiled = compileTermWithNeed(term, macros);
    new RegExp(compiled.source);
    return compiled;
  } catch (error) {
    throw new Error(`[crisis-lexicon] ${file}: cannot compile "${term}"`, { cause: error });
  }
}

function emojiTable(words: ReadonlyMap<string, string>): EmojiTable {
  if (words.size === 0) return { pattern: null, words };
  // Longest first so that a sequence emoji wins over its first code point.
  const keys = [...words.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gu");
  return { pattern, words };
}
