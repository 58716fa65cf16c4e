import type { OnboardingSettings } from "../../config/sections/onboarding.ts";
import { chooseStartingPoints } from "./choose-starting-points.ts";
import type { AnswerValue } from "./parse/parsed-reply.ts";
import { forumLink, renderTemplate } from "./render-template.ts";

/** The closing message of the intake: thanks, what happens next, one or two places to start. */
export function composeDone(
  settings: OnboardingSettings,
  options: { forumUrl: string; answers: Record<string, AnswerValue>; groupsHandedOff: boolean; weeklyOptIn: boolean },
): string {
  const points = chooseStartingPoints(settings.startingPoints, options.answers)
    .map((p) => `- [${p.title}](${forumLink(options.forumUrl, p.path)})`)
    .join("\n");
  const values = {
    startingPoints: points,
    introductionsUrl: forumLink(options.forumUrl, settings.introductionsPath),
    groupsLine: options.groupsHandedOff ? "I'll send you a separate message with a few small groups that might fit, with why; joining is always your choice." : "",
    weeklyLine: options.weeklyOptIn ? "You'll get the weekly encouragement note; reply **digest off** to it any time." : "",
  };
  const answered = Object.keys(options.answers).length > 0;
  return renderTemplate(answered ? settings.templates.done : settings.templates.doneWithoutAnswers, values);
}
