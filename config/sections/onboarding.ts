import { z } from "zod";

/** Settings of the onboarding bot. Filled in by its issue; defaults mirrored in kindred.yaml. */
export const onboardingSection = z.object({ enabled: z.boolean().default(true) }).passthrough();

export type OnboardingSettings = z.infer<typeof onboardingSection>;
