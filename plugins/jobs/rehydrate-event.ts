import { UnrecoverableError } from "bullmq";
import type { Services } from "../app/services.ts";
import type { EventJobData } from "./job-data.ts";

/**
 * A job whose body was removed after it failed for good is fetched again from the forum when an
 * admin retries it (`kindred jobs retry ID`), so no post text has to sit in the failed list.
 */
export async function rehydrateEvent(services: Services, data: EventJobData): Promise<Record<string, unknown>> {
  const client = services.client(services.config.apiUsername, "maintenance");
  const { ref } = data;
  if (ref.type === "post" && ref.id !== undefined) return { post: await client.getPost(ref.id) };
  if (ref.type === "topic" && ref.id !== undefined) return { topic: await client.getTopic(ref.id) };
  if (ref.type === "user" && ref.username) return { user: (await client.getUser(ref.username)).user };
  if (ref.type === "reviewable" && ref.id !== undefined) return { reviewable: (await client.getReviewable(ref.id)).reviewable };
  throw new UnrecoverableError(`[jobs] ${data.name} ${data.key} cannot be fetched again; ask Discourse to redeliver it`);
}
