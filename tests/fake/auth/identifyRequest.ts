import { accessDenied, FakeError } from "../errors";
import type { FakeRequest } from "../fakeRequest";
import { guessVendor } from "../router";
import type { SeedAccount, Vendor } from "../seed";
import type { FakeStore } from "../store";
import type { VendorDialect } from "../vendors/vendorDialect";
import { parseAuthorization, SCHEME_VENDORS, type AuthorizationParse, type Scheme } from "./authorizationHeader";
import type { SignedRequestView } from "./signedRequestView";
import { verifySignature } from "./verifySignature";

/** Who a request claims to be, before any check: the key names a seed account, whose vendor picks the dialect. */
export interface Identity {
  parse: AuthorizationParse;
  vendor: Vendor;
  scheme?: Scheme;
  /** The seed account the key names, when its vendor speaks the scheme. */
  account?: SeedAccount;
  /** The key names an account, but of a vendor that does not speak this scheme. */
  foreignAccount?: SeedAccount;
}

export function identifyRequest(req: FakeRequest, store: FakeStore): Identity {
  const parse = parseAuthorization(req.headers.authorization);
  if (parse.kind !== "parsed") {
    const scheme = parse.kind === "malformed" ? parse.scheme : undefined;
    return { parse, scheme, vendor: guessVendor(req, scheme) };
  }
  const { scheme, accessKeyId } = parse.auth;
  const account = store.accountByKey(accessKeyId);
  if (account && SCHEME_VENDORS[scheme].includes(account.vendor)) return { parse, scheme, account, vendor: account.vendor };
  // An S3 key signed the AWS V2 way reaches S3, which no longer accepts V2; any other foreign key is unknown there.
  if (account && account.vendor === "s3" && scheme === "aws-v2") return { parse, scheme, foreignAccount: account, vendor: "s3" };
  return { parse, scheme, foreignAccount: account, vendor: guessVendor(req, scheme) };
}

/** The error to answer with, or the authenticated account. */
export function authenticate(
  identity: Identity,
  view: SignedRequestView,
  dialect: VendorDialect,
  now: Date,
): { account: SeedAccount; scheme: Scheme } | FakeError {
  const { parse } = identity;
  if (parse.kind === "absent") {
    return accessDenied("Access Denied: the request is not signed, and the fake cloud has no public buckets.");
  }
  if (parse.kind === "malformed") return dialect.malformedAuthorization(parse.reason);
  if (identity.foreignAccount?.vendor === "s3" && parse.auth.scheme === "aws-v2") {
    return new FakeError(400, "InvalidRequest", "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.");
  }
  if (!identity.account) return new FakeError(403, "InvalidAccessKeyId", dialect.invalidAccessKeyIdMessage);
  const failure = verifySignature(parse.auth, identity.account, view, now);
  return failure ?? { account: identity.account, scheme: parse.auth.scheme };
}
