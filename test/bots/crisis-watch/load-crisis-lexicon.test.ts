import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCrisisLexicon } from "../../../bots/crisis-watch/assess/index.ts";

describe("loading a lexicon with a YAML mistake", () => {
  it("should name the file and the line in one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "kindred-lexicon-"));
    writeFileSync(join(dir, "en-bad.yaml"), "language: en\nsource: a test file\ncues:\n  - id: a.b\n    kind: scene\n    kind: scene\n");
    expect(() => loadCrisisLexicon(dir)).toThrow(/^\[crisis-lexicon\] en-bad\.yaml: Map keys must be unique at line \d+, column \d+$/);
  });
});
