import { AccessDeniedError, NotFoundError, ServerError, TransportError, type ServiceErrorDetails } from "../../../provider/errors";
import { CheckFailures } from "../../../provider/resource/checkFailures";
import { lookupProblems, refusesSigner } from "../../../provider/resource/lookupProblems";

const details = (vendorCode: string, status = 403): ServiceErrorDetails => ({ vendorCode, vendorMessage: "msg", status, requestId: "R1" });

function reportOf(error: unknown) {
  const warnings: [string, string][] = [];
  const f = new CheckFailures();
  const problems = lookupProblems({ credentialOrigin: () => "environment variables HW_ACCESS_KEY and HW_SECRET_KEY", warn: (key, message) => warnings.push([key, message]) });
  const stop = problems.report("obs", "obs:cn-north-4:photos:daily", error, "the region of source bucket \"photos\"", f);
  return { stop, failures: f.list, warnings };
}

describe("what a failed look-up means", () => {
  it.each(["SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidSecurityToken", "SecurityTokenExpired", "ExpiredToken", "InvalidToken", "TokenRefreshRequired"])(
    "%s: the credentials were refused, a failure on the resource naming where they came from",
    (code) => {
      const { stop, failures, warnings } = reportOf(new AccessDeniedError(details(code), "looking up bucket obs:cn-north-4:photos"));
      expect(stop).toBe(true);
      expect(failures).toEqual([{
        property: "",
        reason: `the service refused the obs credentials (from environment variables HW_ACCESS_KEY and HW_SECRET_KEY): looking up bucket obs:cn-north-4:photos: ${code} msg (request id R1); correct them, or remove them to preview without live checks`,
      }]);
      expect(warnings).toEqual([]);
    },
  );

  it("RequestTimeTooSkewed: this machine's clock, a failure", () => {
    const { stop, failures } = reportOf(new AccessDeniedError(details("RequestTimeTooSkewed"), "looking up bucket obs:cn-north-4:photos"));
    expect(stop).toBe(true);
    expect(failures[0].reason).toBe(
      "the service refused the time of requests signed on this machine: looking up bucket obs:cn-north-4:photos: RequestTimeTooSkewed msg (request id R1); set this machine's clock right",
    );
  });

  it.each([
    ["access denied", new AccessDeniedError(details("AccessDenied"), "looking up bucket obs:cn-north-4:photos"), "AccessDenied"],
    ["a server error", new ServerError(details("InternalError", 500)), "InternalError"],
    ["a transport error", new TransportError("GET http://127.0.0.1:1/photos/?location: connection refused"), "TransportError"],
  ])("%s: a warning, keyed by vendor, check and code; no failure", (_name, error, code) => {
    const { stop, failures, warnings } = reportOf(error);
    expect({ stop, failures }).toEqual({ stop: false, failures: [] });
    expect(warnings).toEqual([[`obs|the region of source bucket "photos"|${code}`, `BucketInventory obs:cn-north-4:photos:daily: the region of source bucket "photos" not checked at preview: ${error.message}`]]);
  });

  it("a bucket that does not exist: nothing at all", () => {
    expect(reportOf(new NotFoundError(details("NoSuchBucket", 404)))).toEqual({ stop: false, failures: [], warnings: [] });
  });

  it("only service errors with those codes refuse the signer", () => {
    expect(refusesSigner(new AccessDeniedError(details("AccessDenied")))).toBe(false);
    expect(refusesSigner(new Error("SignatureDoesNotMatch"))).toBe(false);
  });
});
