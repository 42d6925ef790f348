/* eslint-disable @typescript-eslint/no-require-imports -- each signing scheme is loaded when first used */
import type { HttpRequest } from "../http/httpTypes";
import type { Vendor } from "../model/inventoryConfig";
import type { SigningInput } from "../signing/signingTypes";

export type Signer = (request: HttpRequest, input: SigningInput) => HttpRequest | Promise<HttpRequest>;

/**
 * The signing scheme each vendor's requests use; OSS V4 unless V1 is asked for. Each scheme's module is loaded on
 * first use: only S3 needs SigV4 and the @smithy packages behind it.
 */
export function signerFor(vendor: Vendor, ossSignatureVersion: "v4" | "v1" = "v4"): Signer {
  switch (vendor) {
    case "oss": {
      if (ossSignatureVersion === "v1") return (require("../signing/ossV1") as typeof import("../signing/ossV1")).signOssV1;
      const { signOssV4 } = require("../signing/ossV4") as typeof import("../signing/ossV4");
      return (request, input) => signOssV4(request, input);
    }
    case "cos": {
      const { signCos } = require("../signing/cosQSign") as typeof import("../signing/cosQSign");
      return (request, input) => signCos(request, input);
    }
    case "obs":
      return (require("../signing/obsSignature") as typeof import("../signing/obsSignature")).signObs;
    case "s3":
      return (require("../signing/sigV4") as typeof import("../signing/sigV4")).signSigV4;
  }
}
