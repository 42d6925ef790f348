/**
 * Node's module compile cache (V8 code cache on disk, Node 22.1+) for the modules loaded after this call: ours,
 * undici, fast-xml-parser. Pulumi starts a new provider host for every preview and up, so every start after the
 * first reads compiled code instead of compiling it again: measured on our share of the host's start-up, 20–30 %
 * less CPU (BENCHMARKS.md, startup-share). Called without a directory, so NODE_COMPILE_CACHE chooses one (default:
 * <tmpdir>/node-compile-cache); NODE_DISABLE_COMPILE_CACHE=1 turns it off. It never throws: a cache that cannot be
 * used is no cache.
 */
export function enableCompileCache(): void {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require("node:module") as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // an optimization only
  }
}
