import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { keywordClassifier, watchedWordsClassifier } from "../../../bots/crisis-watch/eval/baselines.ts";
import { classifyStream } from "../../../bots/crisis-watch/eval/classify-stream.ts";
import { computeCrisisMetrics } from "../../../bots/crisis-watch/eval/metrics.ts";
import { parseCsv } from "../../../bots/crisis-watch/eval/parse-csv.ts";
import { parsePythonList } from "../../../bots/crisis-watch/eval/parse-python-list.ts";

async function run(input: string, onError?: (line: number, error: Error) => void): Promise<string[]> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  await classifyStream(Readable.from([input]), output, { onError });
  output.end();
  return chunks.join("").split("\n").filter((l) => l !== "");
}

describe("classifyStream (kindred crisis classify)", () => {
  it("should answer each line in order with only id, level and lanes", async () => {
    const lines = await run(
      [
        JSON.stringify({ id: "a", text: "Is the Thursday meeting still on?" }),
        JSON.stringify({ id: 7, text: "gonna end it all tonight, pills are ready" }),
        "",
        JSON.stringify({ id: "c", text: "craving hard tonight, talk me down" }),
      ].join("\n"),
    );
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { id: "a", level: "none", lanes: [] },
      { id: 7, level: "urgent", lanes: ["suicide_self_harm"] },
      { id: "c", level: "support", lanes: ["craving"] },
    ]);
  });

  it("should keep output aligned when a line is not JSON, and report it", async () => {
    const errors: number[] = [];
    const lines = await run(`not json\n${JSON.stringify({ id: "b", text: "hello" })}\n`, (line) => errors.push(line));
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { id: null, level: "review", lanes: [] },
      { id: "b", level: "none", lanes: [] },
    ]);
    expect(errors).toEqual([1]);
  });

  it("should honour where on a line", async () => {
    const [line] = await run(JSON.stringify({ id: 1, text: "Мне очень плохо", where: "pm_to_bot" }));
    expect(JSON.parse(line).level).toBe("review");
  });
});

describe("metrics and baselines", () => {
  it("should compute the issue-3 metrics and the confusion matrix", () => {
    const m = computeCrisisMetrics([
      { label: "urgent", level: "urgent" },
      { label: "urgent", level: "review" },
      { label: "review", level: "support" },
      { label: "review", level: "urgent" },
      { label: "none", level: "review" },
      { label: "none", level: "none" },
      { label: "none", level: "support" },
      { label: "support", level: "support" },
    ]);
    expect(m.urgentRecall).toBe(1);
    expect(m.urgentAsUrgent).toBe(0.5);
    expect(m.reviewRecall).toBe(0.5);
    expect(m.falseAlarm).toBeCloseTo(1 / 3);
    expect(m.supportNoise).toBe(0);
    expect(m.confusion.none.review).toBe(1);
  });

  it("should match the keyword list as substrings and watched words as whole words", () => {
    expect(keywordClassifier()("thinking about suicides").level).toBe("review");
    const watched = watchedWordsClassifier("token,source\nkms,x\nbe dead ,y\n");
    expect(watched("kms tonight").level).toBe("review");
    expect(watched("bookmarks").level).toBe("none");
    expect(watched("I'd rather be dead").level).toBe("review");
  });

  it("should parse quoted CSV fields and Python list cells, even cut short", () => {
    expect(parseCsv('a,b\n"x, ""y""\nz",2\n')).toEqual([
      ["a", "b"],
      ['x, "y"\nz', "2"],
    ]);
    expect(parsePythonList(`['one', "it's two", 'three\\'s']`)).toEqual(["one", "it's two", "three's"]);
    expect(parsePythonList(`['complete', 'cut off mid`)).toEqual(["complete", "cut off mid"]);
  });
});
