import type { IntakeQuestion } from "../../config/onboarding/question-schema.ts";
import type { OnboardingSettings } from "../../config/sections/onboarding.ts";
import { numberOptions } from "./number-options.ts";
import { renderTemplate } from "./render-template.ts";

/**
 * The one intake message: every question asked, numbered, options numbered on across questions so a
 * reply like "2, 5" is never ambiguous. Questions the signup form already answered are not in `asked`.
 */
export function composeIntake(settings: OnboardingSettings, asked: readonly IntakeQuestion[], username: string): string {
  const numbered = [...numberOptions(asked).values()];
  const blocks = asked.map((question, i) => {
    const heading = `**${i + 1}. ${question.title}**`;
    if (question.kind === "date") return `${heading}\nAny way you like, e.g. \`2026-01-10\` or "since March 3".`;
    const options = numbered.filter((n) => n.question.id === question.id).map((n) => `(${n.number}) ${n.option.label}`);
    return `${heading}\n${options.join(" · ")}`;
  });
  return renderTemplate(settings.templates.intake, { username, questions: blocks.join("\n\n") });
}

/** The one gentle re-ask, naming only what is missing ("your path and how long you have been in recovery"). */
export function composeReask(settings: OnboardingSettings, missing: readonly IntakeQuestion[]): string {
  return renderTemplate(settings.templates.reask, { missing: joinNames(missing.map((q) => q.short)) });
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
