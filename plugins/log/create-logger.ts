import { pino, type Logger, type LoggerOptions } from "pino";

export type { Logger } from "pino";

/**
 * Fields that may carry secrets or what members wrote. They are censored wherever they appear
 * (two levels deep), so a careless `log.info({ post })` cannot put a member's words in a log file.
 */
const REDACTED_KEYS = ["apiKey", "api_key", "secret", "password", "authorization", "raw", "cooked", "text", "excerpt", "email", "body", "bio_raw"];
const REDACT_PATHS = [
  ...REDACTED_KEYS,
  ...REDACTED_KEYS.map((k) => `*.${k}`),
  ...REDACTED_KEYS.map((k) => `*.*.${k}`),
  'headers["api-key"]',
  'headers["x-discourse-event-signature"]',
];

export interface CreateLoggerOptions {
  /** @defaultValue "info" */
  level?: LoggerOptions["level"];
  /** Where lines go. @defaultValue standard error, so a command's stdout carries only its output. */
  destination?: pino.DestinationStream;
}

/** The one logger factory: JSON lines on stderr, secrets and post text censored. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const { level = "info", destination = pino.destination({ fd: 2, sync: false }) } = options;
  return pino(
    {
      level,
      base: { app: "kindred" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}
