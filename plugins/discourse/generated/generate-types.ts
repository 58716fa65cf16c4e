/**
 * Regenerates `openapi.ts` from Discourse's official OpenAPI spec (issue #2, "The Discourse client").
 *
 * Run from anywhere with `npm run generate:types` (or `node plugins/discourse/generated/generate-types.ts`).
 * The spec lives beside the repository at `../shared/discourse/openapi.json`; pass another path as the
 * first argument to use a newer copy.
 *
 * openapi-typescript@7 still needs TypeScript 5 at run time while the project compiles with TypeScript 7,
 * so both are fetched by `npx` from the npm registry into npx's own cache instead of becoming
 * dependencies of Kindred. The output is committed: nothing runs this at install or test time.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../../..");
const specPath = resolve(repoRoot, process.argv[2] ?? "../shared/discourse/openapi.json");
const outPath = resolve(here, "openapi.ts");

const HEADER = [
  "// GENERATED – DO NOT EDIT",
  `// Made by openapi-typescript@7 from ${relative(repoRoot, specPath)} (Discourse's official API docs).`,
  "// Regenerate with `npm run generate:types` (plugins/discourse/generated/generate-types.ts).",
  "// What the spec lacks is typed by hand in plugins/discourse/types/.",
  "",
].join("\n");

execFileSync(
  "npx",
  ["--yes", "-p", "openapi-typescript@7", "-p", "typescript@5", "openapi-typescript", specPath, "-o", outPath],
  { stdio: "inherit", cwd: repoRoot },
);

// openapi-typescript writes its own banner comment; ours goes first so the file is marked the same way
// whichever version produced it.
const body = readFileSync(outPath, "utf8");
writeFileSync(outPath, HEADER + body);
console.error(`[generate-types] wrote ${relative(repoRoot, outPath)}`);
