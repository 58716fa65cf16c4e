import type { Kysely } from "kysely";
import type { Database } from "../../plugins/store/database.ts";
import type { AnswerValue } from "./parse/parsed-reply.ts";
import "./database.ts";

/**
 * Merges answers into a member's profile: "many" answers add up, others replace; `remove` deletes
 * answers (a removed date). Consent is noted the first time the member answers themselves.
 */
export async function saveAnswers(
  db: Kysely<Database>,
  userId: number,
  update: { answers?: Record<string, AnswerValue>; remove?: string[]; source: "signup" | "intake" | "date"; now: Date },
): Promise<Record<string, AnswerValue>> {
  const row = await db.selectFrom("onboarding_profiles").selectAll().where("user_id", "=", userId).executeTakeFirst();
  const answers: Record<string, AnswerValue> = { ...(row?.answers ?? {}) };
  const sources: Record<string, string> = { ...(row?.sources ?? {}) };
  for (const [id, value] of Object.entries(update.answers ?? {})) {
    const before = answers[id];
    answers[id] = Array.isArray(value) && Array.isArray(before) ? [...new Set([...before, ...value])] : value;
    sources[id] = update.source;
  }
  for (const id of update.remove ?? []) {
    delete answers[id];
    delete sources[id];
  }
  const gaveConsent = update.source !== "signup" && Object.keys(update.answers ?? {}).length > 0;
  const values = {
    answers: JSON.stringify(answers),
    sources: JSON.stringify(sources),
    share_with_greeters: answers.shareWithGreeters === "yes",
    updated_at: update.now,
  };
  await db
    .insertInto("onboarding_profiles")
    .values({ user_id: userId, ...values, consent_at: gaveConsent ? update.now : null })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({ ...values, ...(gaveConsent && !row?.consent_at ? { consent_at: update.now } : {}) }),
    )
    .execute();
  return answers;
}
