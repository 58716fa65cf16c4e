import type { Bot } from "../plugins/app/types.ts";

/**
 * The bots Kindred can run, listed explicitly (no directory scanning). Which of them run is the
 * `enabledBots` setting.
 */
export const bots: readonly Bot[] = [];
