/**
 * The consumer project's lock (tests/cli/support/consumerLock.ts): the packed package plus exactly the runtime
 * closure this repository's lock resolves, so `npm ci --offline` installs it from the cache `npm ci` filled.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { consumerManifests, type PackageManifest, type RepositoryLock } from "./support/consumerLock";

const ROOT = path.resolve(__dirname, "..", "..");
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as RepositoryLock;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as PackageManifest;
const { packageJson, packageLock } = consumerManifests(lock, manifest, "pkg.tgz", "sha512-abc");
const packages = (packageLock as { packages: Record<string, Record<string, unknown>> }).packages;

test("the consumer depends on the tarball, and on @pulumi/pulumi and TypeScript at the versions our lock resolves", () => {
  expect(packageJson.dependencies).toEqual({
    [manifest.name]: "file:pkg.tgz",
    "@pulumi/pulumi": lock.packages["node_modules/@pulumi/pulumi"].version,
    typescript: lock.packages["node_modules/typescript"].version,
  });
  expect(packages[`node_modules/${manifest.name}`]).toMatchObject({
    version: manifest.version, resolved: "file:pkg.tgz", integrity: "sha512-abc", dependencies: manifest.dependencies,
  });
});

test("every runtime dependency keeps its locked version, integrity and place; no development-only package is installed", () => {
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    expect(packages[`node_modules/${name}`]).toMatchObject({
      version: lock.packages[`node_modules/${name}`].version,
      integrity: lock.packages[`node_modules/${name}`].integrity,
    });
  }
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (entry.dev) expect(packages[location]).toBeUndefined();
  }
  expect(packages["node_modules/jest"]).toBeUndefined();
  expect(Object.values(packages).some((e) => "dev" in e || "devOptional" in e)).toBe(false);
});
