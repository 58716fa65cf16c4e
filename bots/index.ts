import type { Bot } from "../plugins/app/types.ts";
import crisisWatch from "./crisis-watch/index.ts";
import onboarding from "./onboarding/index.ts";
import peerGroups from "./peer-groups/index.ts";
import weeklyDigest from "./weekly-digest/index.ts";

/**
 * The bots Kindred can run, listed explicitly (no directory scanning). Which of them run is the
 * `enabledBots` setting.
 */
export const bots: readonly Bot[] = [crisisWatch, onboarding, peerGroups, weeklyDigest];
