import type { IntakeState } from "./database.ts";
import type { ParsedReply } from "./parse/parsed-reply.ts";

/** What to do with one reply in the intake thread. */
export type IntakeAction =
  | { kind: "support"; pause: boolean }
  | { kind: "sendQuestions"; resume: boolean }
  | { kind: "declined" }
  | { kind: "stop" }
  | { kind: "help" }
  | { kind: "reask"; missing: string[] }
  | { kind: "finish" }
  | { kind: "ignore" };

const OPEN: ReadonlySet<IntakeState> = new Set(["offered", "asked", "reasked"]);

/**
 * The intake as a pure decision (issue #4): distress or a craving gets warmth and pauses the questions
 * (never the next question); "go on" resumes; what could not be read is asked once, naming only what
 * is missing, and then the intake ends whatever the reply.
 *
 * @param unanswered - asked questions with no answer yet, after this reply's answers are merged.
 */
export function decideIntakeStep(
  journey: { state: IntakeState; paused: boolean },
  reply: ParsedReply,
  crisisLevel: "none" | "support",
  unanswered: readonly string[],
): IntakeAction {
  const { state } = journey;
  if (state === "stopped" || state === "crisis") return { kind: "ignore" };
  if (crisisLevel === "support") return { kind: "support", pause: OPEN.has(state) };
  if (reply.intent === "stop") return { kind: "stop" };
  if (state === "done") return { kind: "ignore" };
  if (state === "declined") return reply.intent === "goOn" ? { kind: "sendQuestions", resume: false } : { kind: "ignore" };

  const answered = Object.keys(reply.answers).length > 0 || reply.skipped.length > 0;
  if (journey.paused) {
    if (reply.intent === "goOn" || reply.intent === "yes") return { kind: "sendQuestions", resume: state !== "offered" };
    if (!answered || state === "offered") return { kind: "ignore" };
  }
  if (reply.intent === "help") return { kind: "help" };
  if (state === "offered") {
    return reply.intent === "no" || reply.intent === "skip" ? { kind: "declined" } : { kind: "sendQuestions", resume: false };
  }
  if (reply.intent === "skip" || reply.intent === "no") return { kind: "finish" };
  if (reply.intent === "yes" || reply.intent === "goOn" || reply.intent === "date") return { kind: "ignore" };
  if (state === "reasked") return { kind: "finish" };
  if (reply.unclear.length > 0) return { kind: "reask", missing: reply.unclear };
  if (reply.readNothing && unanswered.length > 0) return { kind: "reask", missing: [...unanswered] };
  return { kind: "finish" };
}
