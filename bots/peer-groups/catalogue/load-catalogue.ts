import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type Catalogue, catalogueSchema } from "./catalogue-schema.ts";

/** `config/peer-groups/catalogue.yaml` of this repository. */
export const DEFAULT_CATALOGUE_FILE = fileURLToPath(new URL("../../../config/peer-groups/catalogue.yaml", import.meta.url));

const cache = new Map<string, Catalogue>();

/**
 * Reads and validates the group catalogue, once per file (it changes with a deploy, not at run time).
 *
 * @param file - the YAML file. @defaultValue `config/peer-groups/catalogue.yaml`
 * @throws Error naming the file and the first bad field.
 */
export function loadCatalogue(file: string = DEFAULT_CATALOGUE_FILE): Catalogue {
  const cached = cache.get(file);
  if (cached) return cached;
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`[peer-groups] cannot read the catalogue ${file}: ${String((error as Error).message).split("\n")[0]}`);
  }
  const catalogue = parseCatalogue(raw, file);
  cache.set(file, catalogue);
  return catalogue;
}

/** Validates catalogue data (a parsed YAML document or a test's object). */
export function parseCatalogue(raw: unknown, where = "catalogue"): Catalogue {
  const result = catalogueSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`[peer-groups] ${where}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}
