import { readFileSync } from "node:fs";

const dir = new URL("../fixtures/discourse/", import.meta.url);

/** A fixture's exact text (tests sign these bytes). */
export function fixtureText(name: string): string {
  return readFileSync(new URL(name, dir), "utf8");
}

/** A fixture parsed. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}
