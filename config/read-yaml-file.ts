import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ConfigError } from "./errors.ts";

/** Reads one YAML file; any problem becomes a one-line {@link ConfigError} naming `key` and the file. */
export function readYamlFile(path: string, key: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(key, `cannot read ${path} (${code ?? "unreadable"})`);
  }
  try {
    return parse(text) ?? {};
  } catch (error) {
    const first = String((error as Error).message).split("\n")[0];
    throw new ConfigError(key, `${path} is not valid YAML: ${first}`);
  }
}
