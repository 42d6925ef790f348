/** One signer per scheme; the dialects pick theirs. Canonical builders stay in their modules for the vector tests. */
export type { Credentials, RequestSigner, SigningInput } from "./signingTypes";
export { signOssV1 } from "./ossV1";
export { signOssV4, type OssV4Options } from "./ossV4";
export { signCos, type CosKeyTime, type CosSignOptions } from "./cosQSign";
export { signObs, signObsAwsV2 } from "./obsSignature";
export { signSigV4 } from "./sigV4";
