/**
 * Starting a worker thread on a module that sits beside the caller, from the built library or
 * from the TypeScript sources. From dist/ the worker is `<entry>.js`; run from the sources
 * (tsx, as the tests do) a worker does not inherit tsx's loader, so it starts from an eval'd
 * line that registers tsx's ESM hooks in the worker and then imports `<entry>.ts`.
 */
import { Worker } from 'node:worker_threads';

/** A worker on `./<entry>.js` (or `.ts`) next to the module at `callerUrl` (its import.meta.url). */
export function startThread(callerUrl: string, entry: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${entry}.js`, callerUrl), { workerData });
  const source = new URL(`./${entry}.ts`, callerUrl).href;
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return new Worker(new URL(source), { workerData }); // another TypeScript loader: hope the worker inherits it
  }
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
