/**
 * Jest globalSetup: marks this test run. Every process a test starts inherits the variable (jest's workers are
 * forked after this), however deep, and keeps it when re-parented; globalTeardown.ts finds what is still running.
 */
import { randomUUID } from "node:crypto";

export const RUN_VARIABLE = "BUCKET_INVENTORY_TEST_RUN";

export default function globalSetup(): void {
  process.env[RUN_VARIABLE] = `${process.pid}-${randomUUID()}`;
}
