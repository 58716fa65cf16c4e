import type { IntakeQuestion } from "../../config/onboarding/question-schema.ts";
import type { OnboardingSettings } from "../../config/sections/onboarding.ts";
import type { ForumClient } from "../../plugins/app/forum-client.ts";
import type { WebhookUser } from "../../plugins/webhooks/payloads.ts";
import { isYesNo } from "./parse/match-words.ts";
import { parseIntakeReply } from "./parse/parse-intake-reply.ts";
import type { AnswerValue } from "./parse/parsed-reply.ts";

export interface SignupDetails {
  userFields: Record<string, string | string[] | null>;
  timezone?: string;
}

/**
 * The signup answers (Discourse user fields) and time zone of a new member: from the webhook when it
 * carries them, else one `GET /u/USERNAME.json` (DISCOURSE.md: whether fields are filled at
 * `user_created` is unverified, so an empty payload is read again).
 */
export async function readSignupDetails(discourse: ForumClient, user: WebhookUser, needFields: boolean): Promise<SignupDetails> {
  const fromPayload = user.user_fields ?? {};
  const payloadTz = user.timezone ?? (user.user_option as { timezone?: string } | undefined)?.timezone;
  const hasFields = Object.values(fromPayload).some((v) => v !== null && v !== "");
  if ((hasFields || !needFields) && payloadTz) return { userFields: fromPayload, timezone: payloadTz };
  const { user: full } = await discourse.getUser(user.username);
  const option = (full as { user_option?: { timezone?: string | null } }).user_option;
  return {
    userFields: hasFields ? fromPayload : (full.user_fields ?? {}),
    timezone: payloadTz ?? full.timezone ?? option?.timezone ?? undefined,
  };
}

/**
 * Reads mapped user fields as answers, each through the same tolerant parser as a reply, but only for
 * its own question ("SMART or other secular" → paths: secular). Multi-select values arrive as arrays
 * or "a|b"; a ticked confirm field is "true".
 */
export function answersFromUserFields(
  settings: Pick<OnboardingSettings, "userFields" | "dateOrder">,
  questions: readonly IntakeQuestion[],
  userFields: SignupDetails["userFields"],
  today: string,
): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const [fieldId, questionId] of Object.entries(settings.userFields)) {
    const question = questions.find((q) => q.id === questionId);
    const raw = userFields[fieldId];
    if (!question || raw === null || raw === undefined || raw === "") continue;
    const values = (Array.isArray(raw) ? raw : String(raw).split("|")).map((v) => (v === "true" ? "yes" : v === "false" ? "no" : v));
    const yesNo = values[0]?.trim().toLowerCase();
    if (isYesNo(question) && (yesNo === "yes" || yesNo === "no")) {
      answers[question.id] = yesNo;
      continue;
    }
    const parsed = parseIntakeReply(values.join(", "), [question], { today, dateOrder: settings.dateOrder });
    if (parsed.answers[question.id] !== undefined) answers[question.id] = parsed.answers[question.id];
  }
  return answers;
}
