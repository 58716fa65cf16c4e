import type { Migration } from "kysely/migration";
import * as core0001 from "./core-0001-init.ts";

/** The runtime's migrations, listed explicitly (no directory scanning). Bots bring their own. */
export const coreMigrations: Record<string, Migration> = {
  "core-0001-init": core0001,
};
