/**
 * The package-lock.json of a user's project that installs this package from its `npm pack` tarball, with exactly
 * the dependency versions this repository's lock resolves. `npm ci --offline` can then install it from the npm
 * cache that `npm ci` of this repository filled: `npm ci` fetches tarballs by their locked URL and integrity and
 * caches them, but not the registry's version lists (packuments), so a plain `npm install --offline <tarball>`
 * cannot resolve version ranges without the network (it fails with ENOTCACHED). Nothing here is downloaded.
 */
interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

export interface RepositoryLock {
  packages: Record<string, LockEntry>;
}

export interface PackageManifest {
  name: string;
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
}

export interface ConsumerManifests {
  packageJson: Record<string, unknown>;
  packageLock: Record<string, unknown>;
}

/** What a consumer installs besides the package: the Pulumi SDK and TypeScript (a Pulumi TypeScript program). */
const CONSUMER_EXTRAS = ["@pulumi/pulumi", "typescript"];

/**
 * `tarball`: the file name of the packed package beside the consumer's package.json; `integrity`: its sha512 SRI.
 * Every entry of the repository's lock that is not development-only (the package's runtime closure, and TypeScript,
 * which @pulumi/pulumi takes as an optional peer) is kept as it is.
 */
export function consumerManifests(lock: RepositoryLock, pkg: PackageManifest, tarball: string, integrity: string): ConsumerManifests {
  const versionOf = (name: string): string => {
    const version = lock.packages[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`the repository's package-lock.json has no node_modules/${name}`);
    return version;
  };
  const dependencies: Record<string, string> = { [pkg.name]: `file:${tarball}` };
  for (const name of CONSUMER_EXTRAS) dependencies[name] = versionOf(name);

  const packages: Record<string, LockEntry> = {
    "": { name: "bucket-inventory-consumer", version: "1.0.0", dependencies },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version, resolved: `file:${tarball}`, integrity, license: pkg.license,
      dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines,
    },
  };
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location === "" || !location.startsWith("node_modules/") || entry.dev) continue;
    if (location === `node_modules/${pkg.name}`) continue;
    const { devOptional: _devOptional, ...kept } = entry;
    packages[location] = kept;
  }
  const packageJson = { name: "bucket-inventory-consumer", version: "1.0.0", private: true, dependencies };
  const packageLock = { name: "bucket-inventory-consumer", version: "1.0.0", lockfileVersion: 3, requires: true, packages };
  return { packageJson, packageLock };
}
