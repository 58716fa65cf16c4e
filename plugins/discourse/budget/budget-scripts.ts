/**
 * The Lua scripts behind the shared API budget. Each runs atomically inside Redis and reads Redis's own
 * clock (`TIME`), so processes on machines with skewed clocks still agree on the window and the pause.
 *
 * Every script takes the same KEYS, in this order (see `budgetKeys`):
 *   1 waiters  ZSET  process id → priority * SCALE + arrival sequence (one entry per process: its local head)
 *   2 hb       ZSET  process id → heartbeat deadline (ms); a process past it is treated as crashed
 *   3 grants   ZSET  grant id → grant time (ms): the sliding-window log
 *   4 paused   STRING epoch ms until which nobody may call (set by a 429)
 *   5 seq      STRING arrival counter for FIFO order within a priority
 *   6 procs    HASH  process id → JSON of its waiting counts per lane (for snapshots and metrics)
 *   7 slow     STRING present while the budget runs at half speed after a 429
 */

/** Score = priority * SCALE + sequence; a billion registrations per priority is plenty. */
export const SCALE = 1_000_000_000;

const PRELUDE = `
local SCALE = ${SCALE}
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function fmt(n) return string.format('%d', n) end
-- A process whose heartbeat lapsed crashed or hung: drop its place so it cannot block the queue.
local function purge_dead(now)
  local dead = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
  for _, pid in ipairs(dead) do
    redis.call('ZREM', KEYS[1], pid)
    redis.call('ZREM', KEYS[2], pid)
    redis.call('HDEL', KEYS[6], pid)
  end
end
local function housekeep()
  -- Nothing here is meant to outlive a day of silence.
  for i = 1, 6 do if i ~= 4 then redis.call('PEXPIRE', KEYS[i], 86400000) end end
end
`;

/**
 * Try to take one grant for this process's local head.
 * ARGV: pid, headPriority, headLimit, windowMs, heartbeatTtlMs, grantId, nextPriority (-1: none), countsJson.
 * Returns {1, usedAfter} when granted, {0, waitMs} when not (-1: not the head, poll again soon).
 */
export const ATTEMPT_SCRIPT = `${PRELUDE}
local now = now_ms()
purge_dead(now)
local pid = ARGV[1]
local prio = tonumber(ARGV[2])
redis.call('ZADD', KEYS[2], fmt(now + tonumber(ARGV[5])), pid)
redis.call('HSET', KEYS[6], pid, ARGV[8])
local score = redis.call('ZSCORE', KEYS[1], pid)
if (not score) or math.floor(tonumber(score) / SCALE) ~= prio then
  local seq = redis.call('INCR', KEYS[5]) % SCALE
  redis.call('ZADD', KEYS[1], fmt(prio * SCALE + seq), pid)
end
housekeep()
local paused = tonumber(redis.call('GET', KEYS[4]) or '0')
if paused > now then return {0, paused - now} end
local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if head ~= pid then return {0, -1} end
local windowMs = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', fmt(now - windowMs))
local limit = tonumber(ARGV[3])
if limit > 1 and redis.call('EXISTS', KEYS[7]) == 1 then limit = math.floor(limit / 2) end
local used = redis.call('ZCARD', KEYS[3])
if used >= limit then
  if limit <= 0 then return {0, windowMs} end
  local nth = redis.call('ZRANGE', KEYS[3], used - limit, used - limit, 'WITHSCORES')
  return {0, math.max(1, tonumber(nth[2]) + windowMs - now)}
end
redis.call('ZADD', KEYS[3], fmt(now), ARGV[6])
redis.call('PEXPIRE', KEYS[3], windowMs * 2)
local nextp = tonumber(ARGV[7])
if nextp < 0 then
  redis.call('ZREM', KEYS[1], pid)
else
  local seq = redis.call('INCR', KEYS[5]) % SCALE
  redis.call('ZADD', KEYS[1], fmt(nextp * SCALE + seq), pid)
end
return {1, used + 1}
`;

/** ARGV: pid, heartbeatTtlMs, countsJson. Keeps a waiting process alive. */
export const HEARTBEAT_SCRIPT = `${PRELUDE}
local now = now_ms()
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[2], fmt(now + tonumber(ARGV[2])), ARGV[1])
  redis.call('HSET', KEYS[6], ARGV[1], ARGV[3])
end
return 1
`;

/** ARGV: pid. The process has nobody waiting any more (or is closing). */
export const LEAVE_SCRIPT = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[6], ARGV[1])
return 1
`;

/**
 * ARGV: retryAfterMs, windowMs. Pause everyone until now + retryAfterMs (never shortening a longer pause)
 * and run at half speed for one window after that. Returns the pause's end (epoch ms).
 */
export const PENALIZE_SCRIPT = `${PRELUDE}
local now = now_ms()
local ms = math.max(1, math.ceil(tonumber(ARGV[1])))
local untilMs = now + ms
local cur = tonumber(redis.call('GET', KEYS[4]) or '0')
if untilMs > cur then
  redis.call('SET', KEYS[4], fmt(untilMs), 'PX', ms)
else
  untilMs = cur
end
redis.call('SET', KEYS[7], '1', 'PX', fmt(untilMs - now + tonumber(ARGV[2])))
return fmt(untilMs)
`;

/**
 * ARGV: windowMs. Returns {usedInWindow, pausedUntil (0: none), pid1, counts1, pid2, counts2, …}
 * for the processes still alive.
 */
export const SNAPSHOT_SCRIPT = `${PRELUDE}
local now = now_ms()
purge_dead(now)
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', fmt(now - tonumber(ARGV[1])))
local used = redis.call('ZCARD', KEYS[3])
local paused = tonumber(redis.call('GET', KEYS[4]) or '0')
if paused <= now then paused = 0 end
local out = {used, fmt(paused)}
local procs = redis.call('HGETALL', KEYS[6])
for i = 1, #procs, 2 do
  out[#out + 1] = procs[i]
  out[#out + 1] = procs[i + 1]
end
return out
`;

/** The seven keys every script takes, in order, under one hash tag so Redis Cluster keeps them together. */
export function budgetKeys(prefix: string): string[] {
  const base = `{${prefix}:api-budget}`;
  return ["waiters", "hb", "grants", "paused", "seq", "procs", "slow"].map((k) => `${base}:${k}`);
}
