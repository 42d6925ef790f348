/**
 * The provider Pulumi serializes into state (`__provider`). Deliberately thin: each method requires the installed
 * package at call time and delegates, so the text is small, identical on every run (a changed `__provider` would
 * make the engine replace resources), holds no secret, and later package fixes reach resources already in state.
 *
 * Only what survives Pulumi's closure serializer is used here: plain methods and `require` inside them (no
 * module-level Maps, no `#private` fields, no destructured npm exports captured from module scope).
 */
import type * as pulumi from "@pulumi/pulumi";

type Provider = Required<pulumi.dynamic.ResourceProvider>;

/**
 * The package's provider, resolved from the Pulumi program's directory: the installed package, or the package
 * itself through its `exports` self-reference when the program lives inside it (this repository's examples).
 */
function pkg(): Provider {
  const load = require("node:module").createRequire(require("node:path").join(process.cwd(), "index.js"));
  return load("pulumi-bucket-inventory/provider").defaultProvider();
}

export class BucketInventoryProviderShim implements pulumi.dynamic.ResourceProvider {
  configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return pkg().configure(request);
  }

  check(olds: any, news: any): Promise<pulumi.dynamic.CheckResult> {
    return pkg().check(olds, news);
  }

  diff(id: string, olds: any, news: any): Promise<pulumi.dynamic.DiffResult> {
    return pkg().diff(id, olds, news);
  }

  create(inputs: any): Promise<pulumi.dynamic.CreateResult> {
    return pkg().create(inputs);
  }

  read(id: string, props?: any): Promise<pulumi.dynamic.ReadResult> {
    return pkg().read(id, props);
  }

  update(id: string, olds: any, news: any): Promise<pulumi.dynamic.UpdateResult> {
    return pkg().update(id, olds, news);
  }

  delete(id: string, props: any): Promise<void> {
    return pkg().delete(id, props);
  }
}

/** The one shim every BucketInventory passes to Pulumi (serialized once per process). */
export const bucketInventoryProviderShim = new BucketInventoryProviderShim();
