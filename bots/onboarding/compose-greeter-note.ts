import type { IntakeQuestion } from "../../config/onboarding/question-schema.ts";
import type { OnboardingSettings } from "../../config/sections/onboarding.ts";
import { escapeMarkdownInline } from "../../plugins/markdown/escape-markdown.ts";
import type { AnswerValue } from "./parse/parsed-reply.ts";
import { renderTemplate } from "./render-template.ts";

export interface Newcomer {
  username: string;
  answers: Record<string, AnswerValue>;
}

/**
 * The daily note to the greeter group: each newcomer (who said yes to sharing) with only the answers
 * in `greeterNote.share`, minus `neverShare` options. Usernames are escaped and never become mentions,
 * so the note notifies nobody. Undefined when there is nobody to list.
 */
export function composeGreeterNote(settings: OnboardingSettings, newcomers: readonly Newcomer[], questions: readonly IntakeQuestion[]): string | undefined {
  if (newcomers.length === 0) return undefined;
  const { share, neverShare } = settings.greeterNote;
  const lines = newcomers.map((n) => {
    const facts: string[] = [];
    for (const id of share) {
      const question = questions.find((q) => q.id === id);
      const value = n.answers[id];
      if (!question || value === undefined || question.kind === "date") continue;
      const labels = (Array.isArray(value) ? value : [value])
        .filter((v) => !neverShare.includes(v))
        .map((v) => question.options.find((o) => o.id === v)?.label)
        .filter((l): l is string => Boolean(l));
      if (labels.length) facts.push(labels.join(", "));
    }
    return `- ${escapeMarkdownInline(n.username)}${facts.length ? `: ${facts.join("; ")}` : ""}`;
  });
  return renderTemplate(settings.templates.greeterNote, { newcomers: lines.join("\n") });
}
