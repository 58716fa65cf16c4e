import { z } from "zod";

/** Settings of the peer-groups bot. Filled in by its issue; defaults mirrored in kindred.yaml. */
export const peerGroupsSection = z.object({ enabled: z.boolean().default(true) }).passthrough();

export type PeerGroupsSettings = z.infer<typeof peerGroupsSection>;
