/**
 * The `--queue` URL: `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS.
 * Credentials never leave this module in text: every URL shown to a person, and every error
 * message from the Redis client, goes through `redact`.
 */
import { usageError } from '../output.js';

export interface QueueTarget {
  /** Options for the Redis client (ioredis), credentials included. */
  readonly connection: {
    readonly host: string;
    readonly port: number;
    readonly db: number;
    readonly username?: string;
    readonly password?: string;
    readonly tls?: Record<string, never>;
  };
  /** The URL with any credentials replaced by `***`, for logs and errors. */
  readonly shown: string;
  /** Strings that must never appear in output (the password, as given and decoded). */
  readonly secrets: readonly string[];
}

export function parseQueueUrl(text: string): QueueTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`--queue expects redis://[user:password@]host:port[/db] (got '${redact(text, [])}')`);
  }
  const shown = redact(text, []);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw usageError(`--queue: '${shown}' is not a redis:// or rediss:// URL`);
  if (!url.hostname) throw usageError(`--queue: '${shown}' names no host`);
  const port = url.port ? Number(url.port) : 6379;
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0 || db > 15 || !/^\d*$/.test(dbText)) throw usageError(`--queue: the database in '${shown}' must be a number 0…15 (the path after the port)`);
  if (url.search || url.hash) throw usageError(`--queue: '${shown}' has a query or fragment; give only redis://[user:password@]host:port[/db]`);
  const username = url.username ? decodeURIComponent(url.username) : undefined;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  const secrets = [password, url.password].filter((s): s is string => !!s);
  return {
    connection: { host: url.hostname.replace(/^\[|\]$/g, ''), port, db, username, password, ...(url.protocol === 'rediss:' ? { tls: {} } : {}) },
    shown: `${url.protocol}//${username || password ? '***@' : ''}${url.host}/${db}`,
    secrets,
  };
}

/** The text with the userinfo of any URL in it, and each secret, replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi, '$1***@');
  for (const s of secrets) if (s.length >= 1) out = out.split(s).join('***');
  return out;
}
