/**
 * Connecting to Redis with bounded waits: a first PING within CONNECT_TIMEOUT_MS (wrong
 * password, nothing listening or an unknown host is a clear error at once), and client
 * options that give up reconnecting after `giveUpMs`, so a Redis that goes away ends the
 * command with a message instead of a hang. Messages show the redacted URL only.
 */
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { CliExit, EXIT_MODEL } from '../output.js';
import { redact, type QueueTarget } from './url.js';

export const CONNECT_TIMEOUT_MS = 5000;
/** How long a lost connection may stay lost before the command stops. */
export const GIVE_UP_MS = 20_000;
const RETRY_MS = 500;
/** The BullMQ queue every coordinator and worker uses, under the key prefix `stockflow`. */
export const QUEUE_NAME = 'ensembles';
export const QUEUE_PREFIX = 'stockflow';

/** ioredis options for BullMQ (blocking connections need maxRetriesPerRequest null). */
export function clientOptions(target: QueueTarget, giveUpMs = GIVE_UP_MS): RedisOptions & ConnectionOptions {
  const options: RedisOptions = {
    ...target.connection,
    maxRetriesPerRequest: null,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // `times` counts attempts since the last good connection: retry every 0.5 s, then give up
    retryStrategy: (times: number) => (times * RETRY_MS > giveUpMs ? null : RETRY_MS),
  };
  return options as RedisOptions & ConnectionOptions;
}

/** A plain client whose first PING answered; throws a CliExit with a clear message otherwise. */
export async function connectChecked(target: QueueTarget): Promise<Redis> {
  const client = new Redis({ ...target.connection, lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  let cause: unknown;
  client.on('error', (e) => { cause ??= e; }); // the first error says why; connect() only says "closed"
  try {
    await withTimeout(client.connect().then(() => client.ping()), CONNECT_TIMEOUT_MS + 1000, 'no answer');
    return client;
  } catch (e) {
    client.disconnect();
    throw queueFailure(target, cause ?? e, 'cannot use Redis at');
  }
}

/** A CliExit (exit 1) for a Redis error, with a reason a person can act on. */
export function queueFailure(target: QueueTarget, e: unknown, what: string): CliExit {
  const raw = e instanceof Error ? e.message : String(e);
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  let reason = redact(raw, target.secrets);
  if (/WRONGPASS|invalid username-password/i.test(raw)) reason = 'Redis refused the user name or password (check the credentials in the URL)';
  else if (/NOAUTH|Authentication required/i.test(raw)) reason = "Redis wants a password: put ':PASSWORD@' (or 'USER:PASSWORD@' for an ACL user) before the host in the URL";
  else if (/NOPERM/i.test(raw)) reason = 'the Redis user lacks a permission BullMQ needs (see docs/distributed.md for an ACL rule)';
  else if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(raw)) reason = 'nothing listens there (is redis-server running, and on that address?)';
  else if (code === 'ENOTFOUND' || /ENOTFOUND|EAI_AGAIN/.test(raw)) reason = 'unknown host name';
  else if (/ETIMEDOUT|no answer|timed out/i.test(raw)) reason = `no answer within ${CONNECT_TIMEOUT_MS / 1000} s (firewall, wrong address, or TLS mismatch?)`;
  else if (/Connection is closed|connection lost|ECONNRESET|EPIPE/i.test(raw)) reason = 'the connection was lost';
  return new CliExit(EXIT_MODEL, [], `${what} ${target.shown}: ${reason}`);
}

/** The promise, or a rejection with `message` after `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
