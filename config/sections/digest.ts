import { z } from "zod";

/** Settings of the digest bot. Filled in by its issue; defaults mirrored in kindred.yaml. */
export const digestSection = z.object({ enabled: z.boolean().default(true) }).passthrough();

export type DigestSettings = z.infer<typeof digestSection>;
