/**
 * The client floor of issue 13: the least any client could spend on one inventory get, put or list page against
 * the same server. undici keep-alive (one Agent), the provider's own signer for the vendor (the same bytes to
 * hash), the request built once beforehand (only the date and signature change per request; a put's body is a
 * template with the id put in), the response body read whole and parsed once by fast-xml-parser with no
 * validation, nothing else: no retries, no timeouts, no error mapping, no model, no safety checks. What ours
 * spends above this is the price of everything the floor leaves out.
 */
import { createHash } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { Agent } from "undici";
import { dialectFor } from "../../provider/dialects/dialectFor";
import { signerFor } from "../../provider/client/signerFor";
import { requestTarget } from "../../provider/http/requestUrl";
import type { HttpRequest } from "../../provider/http/httpTypes";
import type { BucketRef } from "../../provider/model/inventoryConfig";
import type { Credentials } from "../../provider/signing/signingTypes";
import type { InventoryContender } from "../sdks/contender";

const ID_MARK = "bench-floor-id-mark";

export const FLOOR_NAME = "floor";

/** undici's lowest public API: status and the whole body as text, no stream, no signal, no timers. */
function dispatchOnce(agent: Agent, signed: HttpRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let status = 0;
    const chunks: Buffer[] = [];
    agent.dispatch(
      { origin: signed.origin, path: requestTarget(signed), method: signed.method, headers: signed.headers, body: signed.body ?? null },
      {
        onRequestStart: () => undefined,
        onResponseStart: (_controller, statusCode) => void (status = statusCode),
        onResponseData: (_controller, chunk) => void chunks.push(chunk),
        onResponseEnd: () => resolve({ status, text: Buffer.concat(chunks).toString("utf8") }),
        onResponseError: (_controller, error) => reject(error),
      },
    );
  });
}

export function floorClient(ref: BucketRef, credentials: Credentials): InventoryContender {
  const dialect = dialectFor(ref.vendor);
  const sign = signerFor(ref.vendor);
  const agent = new Agent({ keepAliveTimeout: 4_000 });
  const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, removeNSPrefix: true, trimValues: false });
  const region = dialect.signingRegion(ref);
  const getTemplates = new Map<string, HttpRequest>();
  let putTemplate: { request: HttpRequest; body: string } | undefined;
  const listRequest = dialect.buildListInventories(ref);

  async function exchange(unsigned: HttpRequest): Promise<string> {
    const signed = await sign(unsigned, { credentials, now: new Date(), region, bucket: ref.bucket });
    const { status, text } = await dispatchOnce(agent, signed);
    if (status < 200 || status >= 300) throw new Error(`floor: ${signed.method} answered ${status}: ${text.slice(0, 200)}`);
    return text;
  }

  return {
    name: FLOOR_NAME,
    async get(id) {
      let unsigned = getTemplates.get(id);
      if (!unsigned) getTemplates.set(id, (unsigned = dialect.buildGetInventory(ref, id)));
      parser.parse(await exchange(unsigned));
    },
    async put(config) {
      putTemplate ??= (() => {
        const request = dialect.buildPutInventory(ref, { ...config, id: ID_MARK, filter: config.filter && { ...config.filter, prefix: `${ID_MARK}/` } });
        return { request, body: request.body ?? "" };
      })();
      const body = putTemplate.body.split(ID_MARK).join(config.id);
      const headers = { ...putTemplate.request.headers };
      if (headers["content-md5"] !== undefined) headers["content-md5"] = createHash("md5").update(body).digest("base64");
      const query = putTemplate.request.query.map(([k, v]): [string, string] => [k, v === ID_MARK ? config.id : v]);
      const text = await exchange({ ...putTemplate.request, query, headers, body });
      if (text !== "") parser.parse(text);
    },
    async list() {
      parser.parse(await exchange(listRequest));
    },
    close: () => agent.close(),
  };
}
