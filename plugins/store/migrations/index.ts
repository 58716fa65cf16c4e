import type { Migration } from "kysely/migration";
import * as core0001 from "./core-0001-init.ts";
import * as core0002 from "./core-0002-member-timezone.ts";

/** The runtime's migrations, listed explicitly (no directory scanning). Bots bring their own. */
export const coreMigrations: Record<string, Migration> = {
  "core-0001-init": core0001,
  "core-0002-member-timezone": core0002,
};
