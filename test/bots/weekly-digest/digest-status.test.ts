import { describe, expect, it } from "vitest";
import { digestRate } from "../../../bots/weekly-digest/digest-status.ts";
import { progressBar } from "../../../plugins/cli/commands/digest.ts";

describe("digestRate", () => {
  it("should fill only what the other lanes leave of the non-crisis budget", () => {
    expect(digestRate({ limit: 55, crisisReserve: 10, usedInWindow: 30, waitingAhead: 5 }, 20, 0)).toBe(10);
  });

  it("should not count its own calls as someone else's", () => {
    expect(digestRate({ limit: 55, crisisReserve: 10, usedInWindow: 20, waitingAhead: 0 }, 20, 20)).toBe(20);
  });

  it("should never exceed sendsPerMinute, and keep a trickle when the budget is full", () => {
    expect(digestRate({ limit: 55, crisisReserve: 10, usedInWindow: 0, waitingAhead: 0 }, 20, 0)).toBe(20);
    expect(digestRate({ limit: 55, crisisReserve: 10, usedInWindow: 55, waitingAhead: 40 }, 20, 0)).toBe(0.5);
  });
});

describe("the dry-run progress bar", () => {
  it("should show the share done", () => {
    expect(progressBar(0, 4, 4)).toBe("[....] 0% 0/4");
    expect(progressBar(2, 4, 4)).toBe("[##..] 50% 2/4");
    expect(progressBar(0, 0, 4)).toBe("[####] 100% 0/0");
  });
});
