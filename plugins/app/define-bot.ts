import type { Bot } from "./types.ts";

/**
 * Declares a bot (probot's ApplicationFunction, with the lane and account it works on).
 *
 * @example export default defineBot({ name: "crisis-watch", lane: "crisis", account: "crisis", setup(app) { app.on("post_created", assessPost); } });
 */
export function defineBot(bot: Bot): Bot {
  if (!/^[a-z][a-z0-9-]*$/.test(bot.name)) throw new Error(`[app] bot name "${bot.name}" must be kebab-case`);
  return Object.freeze(bot);
}
