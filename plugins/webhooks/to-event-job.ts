import type { EventJobData } from "../jobs/job-data.ts";
import { contentKey } from "./content-key.ts";
import type { EventName } from "./event-map.ts";
import { eventRef } from "./event-ref.ts";
import { scrubPayload } from "./scrub-payload.ts";

/**
 * The job one delivery becomes: the content key it is deduplicated on, the scrubbed payload, and
 * the ids to fetch it again with. Shared by the receiver, `kindred events replay` and catch-up jobs.
 */
export function toEventJob(
  delivery: { name: EventName; deliveredAs: string; type: string; payload: Record<string, unknown> },
  rawBody: string,
  replay = false,
): EventJobData {
  return {
    name: delivery.name,
    deliveredAs: delivery.deliveredAs,
    key: contentKey(delivery.name, delivery.deliveredAs, delivery.payload as never, rawBody),
    receivedAt: Date.now(),
    payload: scrubPayload(delivery.payload),
    ref: eventRef(delivery.type, delivery.payload),
    ...(replay ? { replay } : {}),
  };
}
