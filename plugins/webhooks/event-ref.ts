import type { EventJobData } from "../jobs/job-data.ts";

/** The ids that let a stripped job be fetched again from the forum when retried by hand. */
export function eventRef(type: string, payload: Record<string, unknown>): EventJobData["ref"] {
  const object = (payload[type] ?? {}) as Record<string, unknown>;
  const num = (value: unknown) => (typeof value === "number" ? value : undefined);
  if (type === "like") {
    const post = (object.post ?? {}) as Record<string, unknown>;
    return { type, id: num(post.id) };
  }
  return {
    type,
    id: num(object.id),
    topicId: num(object.topic_id),
    postNumber: num(object.post_number),
    username: typeof object.username === "string" ? object.username : undefined,
  };
}
