/** A bot's failure, with the event or task it was handling (grammY's BotError). */
export class BotError extends Error {
  readonly bot: string;
  readonly during: string;
  constructor(bot: string, during: string, cause: unknown) {
    super(`[${bot}] ${during} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "BotError";
    this.bot = bot;
    this.during = during;
  }
}

/**
 * A failure that retrying will not fix: Discourse answered 4xx (other than 429), or a handler
 * said so by throwing BullMQ's UnrecoverableError.
 */
export function isPermanent(error: unknown): boolean {
  const inner = error instanceof BotError ? error.cause : error;
  if (!(inner instanceof Error)) return false;
  if (inner.name === "UnrecoverableError") return true;
  const status = (inner as { status?: unknown }).status;
  return inner.name === "DiscourseApiError" && typeof status === "number" && status >= 400 && status < 500 && status !== 429;
}
