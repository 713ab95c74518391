import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from a module beside the caller: the compiled
 * `.js` file, or, when running from the TypeScript sources (tests, `tsx`),
 * the `.ts` file with tsx registered in the thread first, since a worker
 * does not inherit its parent's loaders.
 *
 * @param callerUrl `import.meta.url` of the module asking
 * @param name the module's file name without extension
 */
export function startThread(callerUrl: string, name: string, options: WorkerOptions): Worker {
  // Most threads run a few statements now and then: a young generation of a
  // few MiB is plenty, and Node's default would cost resident memory. Busy
  // threads pass their own limits.
  options = { ...options,
    resourceLimits: { maxYoungGenerationSizeMb: 4, ...options.resourceLimits } };
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = JSON.stringify(new URL(`./${name}.ts`, callerUrl).href);
  const boot = `import('tsx/esm/api')
    .then(({ register }) => { register(); return import(${entry}); })`;
  return new Worker(boot, { ...options, eval: true });
}
