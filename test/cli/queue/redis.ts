/**
 * A Redis for the queue tests: STOCKFLOW_TEST_REDIS_URL when set (CI starts one), else a
 * redis-server of our own on a free port of 127.0.0.1 with a random password, else none, and
 * the tests that need it say they were skipped and why.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';

export interface TestRedis {
  readonly url: string;
  readonly stop: () => void;
}

export async function testRedis(): Promise<TestRedis | { skip: string }> {
  const given = process.env.STOCKFLOW_TEST_REDIS_URL;
  if (given) return { url: given, stop: () => undefined };
  if (spawnSync('redis-server', ['--version']).status !== 0) return { skip: 'no STOCKFLOW_TEST_REDIS_URL and no redis-server on PATH (apt-get install redis-server)' };
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const server: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', password, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://:${password}@127.0.0.1:${port}/0`;
  for (let i = 0; i < 50; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), '--no-auth-warning', '-a', password, 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => server.kill('SIGTERM') };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
