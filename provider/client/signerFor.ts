import type { HttpRequest } from "../http/httpTypes";
import type { Vendor } from "../model/inventoryConfig";
import { signCos } from "../signing/cosQSign";
import { signObs } from "../signing/obsSignature";
import { signOssV1 } from "../signing/ossV1";
import { signOssV4 } from "../signing/ossV4";
import { signSigV4 } from "../signing/sigV4";
import type { SigningInput } from "../signing/signingTypes";

export type Signer = (request: HttpRequest, input: SigningInput) => HttpRequest | Promise<HttpRequest>;

/** The signing scheme each vendor's requests use; OSS V4 unless V1 is asked for. */
export function signerFor(vendor: Vendor, ossSignatureVersion: "v4" | "v1" = "v4"): Signer {
  switch (vendor) {
    case "oss":
      return ossSignatureVersion === "v1" ? signOssV1 : (request, input) => signOssV4(request, input);
    case "cos":
      return (request, input) => signCos(request, input);
    case "obs":
      return signObs;
    case "s3":
      return signSigV4;
  }
}
