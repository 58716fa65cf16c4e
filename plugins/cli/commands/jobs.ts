import type { Command } from "commander";
import { loadConfig } from "../../../config/index.ts";
import { createQueues, type Queues } from "../../jobs/create-queues.ts";
import { createRedis } from "../../jobs/create-redis.ts";
import { CliError, type CliIo, EXIT } from "../cli-io.ts";

/** `kindred jobs failed` (ids and errors, never post text) and `kindred jobs retry ID`. */
export function registerJobCommands(program: Command, io: CliIo): void {
  const jobs = program.command("jobs").description("the job queues");
  jobs
    .command("failed")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .option("--json", "one JSON object per line")
    .description("list failed jobs: queue, id, event or task, attempts, error")
    .action(async (options: { prefix: string; json?: boolean }) => {
      await withQueues(io, options.prefix, async (queues) => {
        let count = 0;
        for (const queue of [queues.events, queues.tasks]) {
          for (const job of await queue.getFailed(0, 999)) {
            count++;
            const row = {
              queue: queue.name,
              id: job.id,
              name: job.name,
              attempts: job.attemptsMade,
              failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
              error: (job.failedReason ?? "").split("\n")[0],
            };
            io.out(options.json ? JSON.stringify(row) : `${row.queue}\t${row.id}\t${row.name}\t${row.attempts} attempts\t${row.failedAt ?? ""}\t${row.error}`);
          }
        }
        if (count === 0 && !options.json) io.out("no failed jobs");
      });
    });
  jobs
    .command("retry")
    .argument("<id>", "a job id from `kindred jobs failed`")
    .option("--prefix <prefix>", "Redis key prefix", "kindred")
    .description("retry one failed job (a job whose body was removed is fetched again from the forum)")
    .action(async (id: string, options: { prefix: string }) => {
      await withQueues(io, options.prefix, async (queues) => {
        for (const queue of [queues.events, queues.tasks]) {
          const job = await queue.getJob(id);
          if (!job) continue;
          if (!(await job.isFailed())) throw new CliError(`[jobs] ${id} is not failed (it is ${await job.getState()})`, EXIT.config);
          await job.retry();
          io.out(`retrying ${queue.name} job ${id}`);
          return;
        }
        throw new CliError(`[jobs] no job with id ${id}`, EXIT.config);
      });
    });
}

async function withQueues(io: CliIo, prefix: string, run: (queues: Queues) => Promise<void>): Promise<void> {
  const config = loadConfig(io.env);
  const connection = createRedis(config.redisUrl, "client");
  const queues = createQueues({ connection, prefix, attempts: config.jobs.attempts, backoffMs: config.jobs.backoffMs, keepFailed: config.jobs.keepFailed });
  try {
    await connection.ping().catch(() => {
      throw new CliError(`[redis] nothing answers at the configured REDIS_URL`, EXIT.unavailable);
    });
    await run(queues);
  } finally {
    await queues.close();
    connection.disconnect();
  }
}
