/**
 * `new BucketInventory(name, args, opts)`: one bucket inventory configuration on OSS, COS, OBS or S3, managed by
 * Pulumi. The work happens in the provider (pulumi-bucket-inventory/provider), reached through the thin shim.
 */
import * as pulumi from "@pulumi/pulumi";
import type { BucketInventoryArgs, Vendor } from "./bucketInventoryArgs";
import { bucketInventoryProviderShim } from "./providerShim";

/** Every output; those the program does not set are still registered, as `undefined` inputs. */
const OUTPUTS = [
  "vendor", "region", "bucket", "inventoryId", "enabled", "destination", "filter", "schedule",
  "includedObjectVersions", "optionalFields", "incrementalInventory", "endpoint", "resourceId",
] as const;

export class BucketInventory extends pulumi.dynamic.Resource {
  // `declare`: no class-field initializers that would overwrite the outputs the base constructor sets.
  declare public readonly vendor: pulumi.Output<Vendor>;
  declare public readonly region: pulumi.Output<string>;
  declare public readonly bucket: pulumi.Output<string>;
  declare public readonly inventoryId: pulumi.Output<string>;
  declare public readonly enabled: pulumi.Output<boolean>;
  declare public readonly destination: pulumi.Output<{
    bucket: string; prefix?: string; format: string; accountId?: string; roleArn?: string;
    encryption?: { sseOss?: {}; sseCos?: {}; sseS3?: {}; sseKms?: { keyId?: string } };
  }>;
  declare public readonly filter: pulumi.Output<{
    prefix?: string; lastModifyBeginTimeStamp?: number; lastModifyEndTimeStamp?: number; lowerSizeBound?: number;
    upperSizeBound?: number; storageClasses?: string[]; tags?: { key: string; value: string }[];
  } | undefined>;
  declare public readonly schedule: pulumi.Output<{ frequency: string }>;
  declare public readonly includedObjectVersions: pulumi.Output<string>;
  declare public readonly optionalFields: pulumi.Output<string[]>;
  declare public readonly incrementalInventory: pulumi.Output<{ enabled: boolean; schedule: { frequency: number }; optionalFields: string[] } | undefined>;
  declare public readonly endpoint: pulumi.Output<string | undefined>;
  /** `<vendor>:<region>:<bucket>:<inventoryId>`, also the resource's Pulumi id. */
  declare public readonly resourceId: pulumi.Output<string>;

  constructor(name: string, args: BucketInventoryArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, unknown> = Object.fromEntries(OUTPUTS.map((k) => [k, undefined]));
    super(bucketInventoryProviderShim, name, { ...props, ...args }, opts, "bucket-inventory", "BucketInventory");
  }
}
