import { z } from "zod";

/** Settings of crisis watch (issue #3). Defaults mirrored in kindred.yaml. */
export const crisisSection = z.object({ enabled: z.boolean().default(true) }).passthrough();

export type CrisisSettings = z.infer<typeof crisisSection>;
