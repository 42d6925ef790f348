import { DIALECTS } from "../../../provider/dialects/dialectFor";
import {
  AccessDeniedError,
  ConflictError,
  InvalidArgumentError,
  LimitExceededError,
  NotFoundError,
  ServerError,
  ServiceError,
  ThrottledError,
  type ServiceErrorClass,
} from "../../../provider/errors";
import type { HttpResponse } from "../../../provider/http/httpTypes";
import type { Vendor } from "../../../provider/model/inventoryConfig";

const REQUEST_ID_HEADER: Record<Vendor, string> = { oss: "x-oss-request-id", cos: "x-cos-request-id", obs: "x-obs-request-id", s3: "x-amz-request-id" };

function errorResponse(vendor: Vendor, status: number, code: string, extra = ""): HttpResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>message for ${code}</Message><RequestId>body-id</RequestId>${extra}</Error>`;
  return { status, headers: { [REQUEST_ID_HEADER[vendor]]: `${vendor}-req-1`, "content-type": "application/xml" }, body };
}

/** Every code in the seeds (000–004) and VENDORS.md §4, per vendor, with its status and expected class. */
const CASES: [Vendor, number, string, ServiceErrorClass][] = [
  ["oss", 404, "NoSuchInventory", NotFoundError],
  ["oss", 404, "NoSuchBucket", NotFoundError],
  ["oss", 409, "InventoryAlreadyExist", ConflictError],
  ["oss", 400, "InventoryExceedLimit", LimitExceededError],
  ["oss", 400, "InvalidArgument", InvalidArgumentError],
  ["oss", 400, "MalformedXML", InvalidArgumentError],
  ["oss", 403, "AccessDenied", AccessDeniedError],
  ["oss", 403, "SignatureDoesNotMatch", AccessDeniedError],
  ["oss", 403, "RequestTimeTooSkewed", AccessDeniedError],
  ["cos", 404, "NoSuchBucket", NotFoundError],
  ["cos", 404, "NoSuchInventoryConfiguration", NotFoundError],
  ["cos", 404, "NoSuchInventory", NotFoundError],
  ["cos", 404, "NoSuchConfiguration", NotFoundError],
  ["cos", 400, "TooManyConfigurations", LimitExceededError],
  ["cos", 400, "InvalidArgument", InvalidArgumentError],
  ["cos", 400, "MalformedXML", InvalidArgumentError],
  ["cos", 403, "AccessDenied", AccessDeniedError],
  ["cos", 403, "SignatureDoesNotMatch", AccessDeniedError],
  ["cos", 503, "SlowDown", ThrottledError],
  ["obs", 404, "NoSuchInventoryConfiguration", NotFoundError],
  ["obs", 404, "NoSuchBucket", NotFoundError],
  ["obs", 400, "MalformedXML", InvalidArgumentError],
  ["obs", 400, "InvalidArgument", InvalidArgumentError],
  ["obs", 400, "InventoryCountOverLimit", LimitExceededError],
  ["obs", 400, "PrefixExistInclusionRelationship", ConflictError],
  ["obs", 403, "AccessDenied", AccessDeniedError],
  ["obs", 403, "SignatureDoesNotMatch", AccessDeniedError],
  ["obs", 403, "RequestTimeTooSkewed", AccessDeniedError],
  ["obs", 429, "TooManyRequests", ThrottledError],
  ["obs", 503, "SlowDown", ThrottledError],
  ["obs", 503, "ServiceUnavailable", ThrottledError],
  ["s3", 404, "NoSuchConfiguration", NotFoundError],
  ["s3", 404, "NoSuchBucket", NotFoundError],
  ["s3", 400, "TooManyConfigurations", LimitExceededError],
  ["s3", 400, "InvalidArgument", InvalidArgumentError],
  ["s3", 400, "MalformedXML", InvalidArgumentError],
  ["s3", 403, "AccessDenied", AccessDeniedError],
  ["s3", 403, "SignatureDoesNotMatch", AccessDeniedError],
  ["s3", 403, "RequestTimeTooSkewed", AccessDeniedError],
  ["s3", 503, "SlowDown", ThrottledError],
  ["s3", 503, "RequestLimitExceeded", ThrottledError],
  ["s3", 500, "InternalError", ServerError],
];

describe("error tables", () => {
  test.each(CASES)("%s %d %s → %p", (vendor, status, code, Cls) => {
    const error = DIALECTS[vendor].deserializeError(errorResponse(vendor, status, code), "putInventory");
    expect(error).toBeInstanceOf(Cls);
    expect(error).toMatchObject({ vendorCode: code, vendorMessage: `message for ${code}`, status, requestId: `${vendor}-req-1` });
    expect(error.retryable).toBe(Cls === ThrottledError || Cls === ServerError);
    expect(error.message).toBe(`${code} message for ${code} (request id ${vendor}-req-1)`);
  });

  test("OSS keeps its EC, from the body or the x-oss-ec header", () => {
    const fromBody = DIALECTS.oss.deserializeError(errorResponse("oss", 409, "InventoryAlreadyExist", "<EC>0020-00000042</EC>"), "putInventory");
    expect(fromBody.ec).toBe("0020-00000042");
    expect(fromBody.message).toBe("InventoryAlreadyExist message for InventoryAlreadyExist [EC 0020-00000042] (request id oss-req-1)");
    const fromHeader = DIALECTS.oss.deserializeError({ status: 404, headers: { "x-oss-ec": "0015-00000101" }, body: "" }, "getInventory");
    expect(fromHeader.ec).toBe("0015-00000101");
  });

  test("the request id falls back to the body's RequestId when the header is missing", () => {
    const response = { ...errorResponse("cos", 400, "InvalidArgument"), headers: {} };
    expect(DIALECTS.cos.deserializeError(response, "putInventory").requestId).toBe("body-id");
  });

  test("Retry-After is kept in seconds", () => {
    const response = errorResponse("s3", 503, "SlowDown");
    response.headers["retry-after"] = "3";
    expect(DIALECTS.s3.deserializeError(response, "getInventory").retryAfterSeconds).toBe(3);
  });

  test("only Code, Message, RequestId and EC are read: echoed signing material never reaches the message", () => {
    const extra = "<StringToSign>PUT\nSENTINEL</StringToSign><SignatureProvided>SENTINELSIG</SignatureProvided><OSSAccessKeyId>SENTINELAK</OSSAccessKeyId>";
    const error = DIALECTS.oss.deserializeError(errorResponse("oss", 403, "SignatureDoesNotMatch", extra), "putInventory");
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toMatch(/SENTINEL/);
  });
});

describe("responses without an error document", () => {
  const bare = (status: number, headers: Record<string, string> = {}, body = ""): HttpResponse => ({ status, headers, body });

  test.each(["oss", "cos", "obs", "s3"] as const)("%s: a bodyless HEAD 404 on a bucket look-up is NoSuchBucket", (vendor) => {
    const error = DIALECTS[vendor].deserializeError(bare(404, { [REQUEST_ID_HEADER[vendor]]: "h1" }), "describeBucket");
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ vendorCode: "NoSuchBucket", status: 404, requestId: "h1" });
  });

  test.each(["oss", "cos", "obs", "s3"] as const)("%s: a bodyless 403 is AccessDenied", (vendor) => {
    expect(DIALECTS[vendor].deserializeError(bare(403), "describeBucket")).toBeInstanceOf(AccessDeniedError);
  });

  test("S3: a bare HEAD 403 says it may be the expected-owner check", () => {
    expect(DIALECTS.s3.deserializeError(bare(403), "describeBucket").vendorMessage).toMatch(/expected owner/);
  });

  test.each(["oss", "cos", "obs", "s3"] as const)("%s: a bodyless HEAD 404 without the vendor's request id is not NoSuchBucket (the vendor did not answer)", (vendor) => {
    const error = DIALECTS[vendor].deserializeError(bare(404, { server: "nginx" }), "describeBucket");
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.constructor).toBe(ServiceError);
    expect(error.retryable).toBe(false);
    expect(error.vendorCode).toBe("HTTP404");
    expect(error.vendorMessage).toMatch(new RegExp(`^\\(a 404 answer from server "nginx" without ${vendor.toUpperCase()}'s error document and no ${REQUEST_ID_HEADER[vendor]} header: is the endpoint ${vendor.toUpperCase()}'s\\? Nothing is taken as gone\\)$`));
  });

  test("a bodyless 404 on an inventory operation is not \"gone\": the services always send an error document there", () => {
    const error = DIALECTS.obs.deserializeError(bare(404, { "x-obs-request-id": "r1" }), "getInventory");
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.vendorCode).toBe("HTTP404");
  });

  test.each(["oss", "cos", "obs", "s3"] as const)("%s: an HTML 404 from a gateway is an error that says what answered, never quoting the page", (vendor) => {
    const page = "<html><head><title>404 Not Found</title></head><body>Authorization: SENTINEL</body></html>";
    const error = DIALECTS[vendor].deserializeError(bare(404, { "content-type": "text/html; charset=utf-8", server: "nginx/1.25" }, page), "getInventory");
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/^HTTP404 \(a 404 text\/html answer from server "nginx\/1\.25" without .+'s error document .*Nothing is taken as gone\)$/);
    expect(error.message).not.toMatch(/SENTINEL/);
  });

  test.each([
    ["oss", "NoSuchKey"], ["cos", "NoSuchKey"], ["obs", "NoSuchKey"], ["s3", "NoSuchKey"],
    ["s3", "NoSuchInventory"], ["oss", "NoSuchConfiguration"], ["obs", "NoSuchUpload"], ["cos", "NoSuchLifecycleConfiguration"],
  ] as const)("%s: a 404 with another code (%s) is an error naming the vendor's own not-found codes", (vendor, code) => {
    const error = DIALECTS[vendor].deserializeError(errorResponse(vendor, 404, code), "deleteInventory");
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error.retryable).toBe(false);
    expect(error).toMatchObject({ vendorCode: code, status: 404, requestId: `${vendor}-req-1` });
    expect(error.vendorMessage).toMatch(new RegExp(`^message for ${code} \\(a 404 with code ${code} is not one of ${vendor.toUpperCase()}'s not-found answers \\(.*NoSuchBucket\\), so nothing is taken as gone\\)$`));
  });

  test.each([["oss", "NoSuchInventory"], ["s3", "NoSuchBucket"], ["obs", "NoSuchInventoryConfiguration"]] as const)(
    "%s: a not-found code (%s) on another status than 404 is not \"gone\" either",
    (vendor, code) => {
      expect(DIALECTS[vendor].deserializeError(errorResponse(vendor, 400, code), "getInventory")).toBeInstanceOf(InvalidArgumentError);
      expect(DIALECTS[vendor].deserializeError(errorResponse(vendor, 200, code), "getInventory")).not.toBeInstanceOf(NotFoundError);
    },
  );

  test.each([
    [500, ServerError, "InternalError"],
    [502, ServerError, "InternalError"],
    [503, ThrottledError, "ServiceUnavailable"],
    [429, ThrottledError, "TooManyRequests"],
    [409, ConflictError, "HTTP409"],
    [418, ServiceError, "HTTP418"],
  ])("status %d alone → %p", (status, Cls, code) => {
    const error = DIALECTS.s3.deserializeError(bare(status), "putInventory");
    expect(error).toBeInstanceOf(Cls);
    expect(error.vendorCode).toBe(code);
  });

  test("an HTML error page is classed by status and not quoted (a proxy might echo request headers)", () => {
    const error = DIALECTS.cos.deserializeError(bare(502, {}, "<html><body>Authorization: SENTINEL</body></html>"), "listInventories");
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).not.toMatch(/SENTINEL/);
    expect(error.vendorMessage).toBe("(a 502 answer, not an error document)");
  });
});
