/** `pulumi-bucket-inventory`: the BucketInventory resource for Pulumi programs. */
import { requireSupportedNode } from "../provider/runtime/supportedNode";

// First, so a program on too old a Node stops at its import with the reason, not later with undici's symptom.
requireSupportedNode();

export { BucketInventory } from "./bucketInventory";
export type {
  BucketInventoryArgs, DestinationArgs, EncryptionArgs, FilterArgs, IncrementalInventoryArgs, Vendor,
} from "./bucketInventoryArgs";
