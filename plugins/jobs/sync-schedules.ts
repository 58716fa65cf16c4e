import type { Registration } from "../app/create-registry.ts";
import { taskKey } from "../app/create-registry.ts";
import type { Queues } from "./create-queues.ts";

/**
 * Upserts one BullMQ job scheduler per `app.every(…)` (stable ids, so restarts and several workers
 * never multiply them) and removes schedulers of bots or schedules that no longer exist.
 */
export async function syncSchedules(queues: Queues, registry: Registration): Promise<void> {
  const wanted = new Set<string>();
  for (const { bot, name, cron, tz } of registry.schedules) {
    const id = `${bot.name}-${name}`;
    wanted.add(id);
    await queues.tasks.upsertJobScheduler(id, { pattern: cron, tz }, { name: taskKey(bot.name, name), data: { bot: bot.name, task: name, data: {} } });
  }
  for (const scheduler of await queues.tasks.getJobSchedulers()) {
    const id = scheduler.key ?? scheduler.id;
    if (id && !wanted.has(id)) await queues.tasks.removeJobScheduler(id);
  }
}
