import { build, type Plugin } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a solver thread running `module` (a TypeScript file URL) with `data` as its workerData.
 * The thread runs the module bundled with what it imports into one JavaScript module, bundled
 * once per process: a thread that loaded TypeScript through tsx's loader was ready after about
 * 0.3 s, one started from the bundle after 0.1 s, and a solve starts up to three of them while
 * the local search takes a core.
 */
export async function startSolverThread(module: URL, data: object = {}): Promise<Worker> {
  return new Worker(await bundled(module), { workerData: data });
}

const bundles = new Map<string, Promise<URL>>();

function bundled(module: URL): Promise<URL> {
  let code = bundles.get(module.href);
  if (!code) {
    code = bundle(module);
    bundles.set(module.href, code);
    // A failed bundle is tried again by the next thread, not remembered.
    code.catch(() => bundles.delete(module.href));
  }
  return code;
}

async function bundle(module: URL): Promise<URL> {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(module)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [packagesByFileUrl],
  });
  return new URL(`data:text/javascript;base64,${Buffer.from(outputFiles[0]!.contents).toString('base64')}`);
}

const RESOLVING = Symbol('resolving');

/**
 * Packages stay outside the bundle (the solvers' WebAssembly is found beside their own modules),
 * imported by their file URL: a data: module has no folder from which Node could find them.
 */
const packagesByFileUrl: Plugin = {
  name: 'packages-by-file-url',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async ({ path, kind, resolveDir, importer, pluginData }) => {
      if (pluginData === RESOLVING) return undefined;
      const found = await build.resolve(path, { kind, resolveDir, importer, pluginData: RESOLVING });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.external ? found.path : pathToFileURL(found.path).href, external: true };
    });
  },
};
