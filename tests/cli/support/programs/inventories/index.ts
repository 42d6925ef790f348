/**
 * Declares one BucketInventory per entry of the stack config `test:resources` (JSON: [{ name, args, secretArgs? }]),
 * importing the package by name as a user's program does. Arguments named in `secretArgs` are passed as
 * pulumi.secret(...).
 */
import * as pulumi from "@pulumi/pulumi";
import { BucketInventory, type BucketInventoryArgs } from "pulumi-bucket-inventory";

interface Declared {
  name: string;
  args: Record<string, unknown>;
  secretArgs?: string[];
}

const declared = new pulumi.Config("test").getObject<Declared[]>("resources") ?? [];

export const resourceIds = declared.map(({ name, args, secretArgs }) => {
  const inputs: Record<string, unknown> = { ...args };
  for (const key of secretArgs ?? []) inputs[key] = pulumi.secret(inputs[key]);
  return new BucketInventory(name, inputs as unknown as BucketInventoryArgs).resourceId;
});
