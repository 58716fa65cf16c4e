import { checkCatalogue } from "../../bots/peer-groups/check-catalogue.ts";
import { peerGroupsDeps } from "../../bots/peer-groups/deps.ts";
import type { CheckItem } from "./checklist.ts";
import type { OperatorClient } from "./operator-client.ts";

/** The peer-groups catalogue against the forum (the same check as `kindred groups check`), as the groups account. */
export async function checkGroupCatalogue(client: OperatorClient): Promise<CheckItem[]> {
  const { config } = client;
  if (!config.enabledBots.includes("peer-groups")) return [];
  let catalogue: ReturnType<typeof peerGroupsDeps>["catalogue"];
  try {
    catalogue = peerGroupsDeps(config).catalogue;
  } catch (error) {
    return [{ status: "fail", area: "groups", line: `the peer-groups catalogue does not load: ${(error as Error).message.split("\n")[0]}` }];
  }
  const { checked, problems } = await checkCatalogue(client.services.client(config.accounts.groups, "groups"), catalogue);
  if (problems.length === 0) return [{ status: "ok", area: "groups", line: `all ${checked} catalogue groups match the forum` }];
  return problems.map((p) => ({ status: "todo" as const, area: "groups", line: `${p.group}: ${p.problem}` }));
}
