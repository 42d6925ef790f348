/**
 * The Node.js version this package runs on, checked where each entry point starts (the provider, the SDK a
 * program imports, the `bucket-inventory` command). undici 8, our HTTP client, needs Node 22.19: on older Node
 * its first request fails with "Cannot read properties of undefined (reading 'bind')", which says nothing of the
 * cause. Written with no imports and plain syntax, so it runs (and explains) on any Node that can load it.
 */

/** The oldest Node.js the package runs on: undici 8's `engines` (@pulumi/pulumi itself needs 22). */
export const MINIMUM_NODE_VERSION = "22.19.0";

function parts(version: string): number[] {
  return version.replace(/^v/, "").split(".").map((p) => parseInt(p, 10) || 0);
}

function isOlder(version: string, minimum: string): boolean {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

/** One sentence saying what was found, what is needed and how to get it; `undefined` when `version` is enough. */
export function unsupportedNodeMessage(version: string = process.versions.node, execPath: string = process.execPath): string | undefined {
  if (!isOlder(version, MINIMUM_NODE_VERSION)) return undefined;
  return (
    `pulumi-bucket-inventory needs Node.js ${MINIMUM_NODE_VERSION} or newer, but it is running on Node.js ${version.replace(/^v/, "")} ` +
    `(${execPath}): install Node.js 22 or 24 (https://nodejs.org, or \`nvm install 22\`) and put it first on PATH.`
  );
}

/** Throws that sentence as an Error when Node is too old. */
export function requireSupportedNode(): void {
  const message = unsupportedNodeMessage();
  if (message !== undefined) throw new Error(message);
}
