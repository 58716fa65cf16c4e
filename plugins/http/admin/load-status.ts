import { type FunnelWeek, onboardingFunnel } from "../../../bots/onboarding/onboarding-funnel.ts";
import { type DigestStatus, digestStatus } from "../../../bots/weekly-digest/digest-status.ts";
import { createBaseContext } from "../../app/create-context.ts";
import type { Services } from "../../app/services.ts";
import type { ApiBudget } from "../../discourse/index.ts";
import type { Metrics } from "../../metrics/create-metrics.ts";
import { type CrisisStatus, loadCrisisStatus } from "./load-crisis-status.ts";
import { type BudgetStatus, loadBudgetStatus, loadQueueStatus, type QueueStatus } from "./load-ops-status.ts";

/** A section of the page: its data, or the one line saying why it could not be read. */
export type Section<T> = { ok: true; data: T } | { ok: false; error: string } | { ok: "off" };

export interface StatusData {
  now: Date;
  forumUrl: string;
  crisis: Section<CrisisStatus>;
  budget: Section<BudgetStatus>;
  queues: Section<QueueStatus>;
  funnel: Section<FunnelWeek[]>;
  digest: Section<DigestStatus>;
}

export interface StatusSources {
  services: Services;
  budget: ApiBudget;
  metrics: Metrics;
}

async function section<T>(enabled: boolean, load: () => Promise<T>): Promise<Section<T>> {
  if (!enabled) return { ok: "off" };
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    return { ok: false, error: (error instanceof Error ? error.message : String(error)).split("\n")[0] };
  }
}

/** Everything the status page (and `kindred status`) shows; one failing source never hides the others. */
export async function loadStatus({ services, budget, metrics }: StatusSources): Promise<StatusData> {
  const { config, store, clock } = services;
  const now = clock.now();
  const on = (bot: string) => config.enabledBots.includes(bot);
  const [crisis, budgetStatus, queues, funnel, digest] = await Promise.all([
    section(on("crisis-watch"), () => loadCrisisStatus(store.db, now)),
    section(true, () => loadBudgetStatus(budget, metrics, config.apiBudget.crisisReserve)),
    section(true, () => loadQueueStatus(services.queues)),
    section(on("onboarding"), () => onboardingFunnel(store.db, now, 4)),
    section(on("weekly-digest"), async () => {
      const bot = services.registry.bots.find((b) => b.name === "weekly-digest");
      if (!bot) throw new Error("the weekly-digest bot is not registered");
      const b = await budget.snapshot();
      const ahead = b.waitingByLane.crisis + b.waitingByLane.onboarding + b.waitingByLane.groups;
      const ctx = createBaseContext(services, bot, { page: "admin" });
      return digestStatus(ctx, { limit: b.limit, crisisReserve: config.apiBudget.crisisReserve, usedInWindow: b.usedInWindow, waitingAhead: ahead });
    }),
  ]);
  return { now, forumUrl: services.forumUrl, crisis, budget: budgetStatus, queues, funnel, digest };
}
