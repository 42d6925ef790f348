/**
 * Sends correctly signed requests with arbitrary bodies to the fake cloud: the provider's request builder and
 * signer (real signing), with the body swapped for whatever the test wants and Content-MD5 recomputed, so the
 * hostile part reaches the fake's XML handling instead of failing at authentication.
 */
import { createHash } from "node:crypto";
import type { Credentials } from "../../../provider/signing/signingTypes";
import { prepareRequest } from "../../../provider/client/exchange";
import { signerFor } from "../../../provider/client/signerFor";
import { DIALECTS } from "../../../provider/dialects/dialectFor";
import type { HttpRequest, HttpResponse } from "../../../provider/http/httpTypes";
import { send } from "../../../provider/http/send";
import type { BucketRef, InventoryConfig } from "../../../provider/model/inventoryConfig";

export interface SignedSender {
  /** PUT ?inventory for `id` with `body` as the document. */
  putBody(ref: BucketRef, id: string, body: string, extraHeaders?: Record<string, string>): Promise<HttpResponse>;
  /** Any request the dialect builds, signed and sent as is. */
  send(ref: BucketRef, request: HttpRequest): Promise<HttpResponse>;
}

const PLACEHOLDER: Omit<InventoryConfig, "id"> = {
  enabled: true,
  destination: { bucket: "reports", format: "CSV" },
  schedule: { frequency: "Daily" },
  includedObjectVersions: "Current",
  optionalFields: [],
};

export function signedSender(credentials: Partial<Record<BucketRef["vendor"], Credentials>>): SignedSender {
  const sign = async (ref: BucketRef, request: HttpRequest) => {
    const dialect = DIALECTS[ref.vendor];
    const ctx = { dialect, credentials: credentials[ref.vendor]!, signer: signerFor(ref.vendor), now: () => new Date() };
    return send(await prepareRequest(request, ref, ctx), { timeoutMs: 10_000 });
  };
  return {
    async putBody(ref, id, body, extraHeaders = {}) {
      const built = DIALECTS[ref.vendor].buildPutInventory(ref, { ...PLACEHOLDER, id });
      const headers = { ...built.headers, ...extraHeaders };
      if (headers["content-md5"] !== undefined) headers["content-md5"] = createHash("md5").update(body, "utf8").digest("base64");
      return sign(ref, { ...built, headers, body });
    },
    send: sign,
  };
}
