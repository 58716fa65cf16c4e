/**
 * Reads `config/crisis/*.yaml`, validates each file and compiles the lexicon, once per directory.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { compileCrisisLexicon, type NamedLexiconFile } from "./compile-crisis-lexicon.ts";
import { lexiconFileSchema } from "./lexicon-schema.ts";
import type { CompiledLexicon } from "./lexicon-types.ts";

/** `config/crisis/` of this repository. */
export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL("../../../config/crisis/", import.meta.url));

const cache = new Map<string, CompiledLexicon>();

/**
 * Loads and compiles every `*.yaml` file of `dir` (sorted by name), cached per directory: the
 * lexicon is data that changes with a deploy, not at run time.
 *
 * @param dir - the lexicon directory. @defaultValue `config/crisis/` of this repository
 * @throws Error naming the file when a file is not valid YAML, fails the schema, or has a bad term.
 */
export function loadCrisisLexicon(dir: string = DEFAULT_LEXICON_DIR): CompiledLexicon {
  const cached = cache.get(dir);
  if (cached) return cached;
  const files: NamedLexiconFile[] = readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => {
      const parsed = lexiconFileSchema.safeParse(parseYaml(name, readFileSync(join(dir, name), "utf8")));
      if (!parsed.success) {
        throw new Error(`[crisis-lexicon] ${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      }
      return { file: name, data: parsed.data };
    });
  if (files.length === 0) throw new Error(`[crisis-lexicon] no *.yaml lexicon files in ${dir}`);
  const lexicon = compileCrisisLexicon(files);
  cache.set(dir, lexicon);
  return lexicon;
}

// A YAML mistake names the file and the line, on one line ("[crisis-lexicon] en-scene.yaml: Map keys
// must be unique at line 338, column 5").
function parseYaml(name: string, text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split("\n")[0].replace(/:$/, "");
    throw new Error(`[crisis-lexicon] ${name}: ${first}`, { cause: error });
  }
}
