/** `pulumi-bucket-inventory`: the BucketInventory resource for Pulumi programs. */
export { BucketInventory } from "./bucketInventory";
export type {
  BucketInventoryArgs, DestinationArgs, EncryptionArgs, FilterArgs, IncrementalInventoryArgs, Vendor,
} from "./bucketInventoryArgs";
