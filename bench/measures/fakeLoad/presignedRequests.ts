/**
 * The load test's requests, built and signed before the clock starts with the provider's own dialects and
 * signers, so that during the test a client only sends bytes and reads the answer: the load generator stays
 * light and the fake cloud, not the clients, is what is measured. Signed dates stay valid for minutes (the
 * services allow 15 minutes of skew), far longer than the test runs.
 */
import { prepareRequest } from "../../../provider/client/exchange";
import { signerFor } from "../../../provider/client/signerFor";
import { dialectFor } from "../../../provider/dialects/dialectFor";
import type { HttpRequest } from "../../../provider/http/httpTypes";
import type { BucketRef } from "../../../provider/model/inventoryConfig";
import { credentialsOf, sampleConfig } from "../../support/benchVendors";

export const OPS = ["put", "get", "list", "delete"] as const;
export type LoadOp = (typeof OPS)[number];

export interface PlannedRequest {
  op: LoadOp;
  request: HttpRequest;
}

/**
 * `count` requests for one client on its own bucket, cycling put → get → list → delete over three ids. Delete
 * after put keeps every request valid on OSS too, which refuses a put on an id that exists.
 */
export async function presign(ref: BucketRef, count: number): Promise<PlannedRequest[]> {
  const dialect = dialectFor(ref.vendor);
  const ctx = { dialect, credentials: credentialsOf(ref.vendor), signer: signerFor(ref.vendor), now: () => new Date() };
  const planned: PlannedRequest[] = [];
  for (let k = 0; k < count; k++) {
    const op = OPS[k % OPS.length];
    const id = `load-${Math.floor(k / OPS.length) % 3}`;
    const built =
      op === "put" ? dialect.buildPutInventory(ref, sampleConfig(ref.vendor, id))
      : op === "get" ? dialect.buildGetInventory(ref, id)
      : op === "list" ? dialect.buildListInventories(ref)
      : dialect.buildDeleteInventory(ref, id);
    planned.push({ op, request: await prepareRequest(built, ref, ctx) });
  }
  return planned;
}
