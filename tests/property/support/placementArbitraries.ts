/**
 * Where a configuration lives, varied: bucket names over each vendor's whole rule (3 to 63 characters, dots where
 * allowed, COS appids, COS's 60-character host), regions per vendor, accounts, endpoints, and the destination in
 * its plain and ARN spellings. Also the texts: valid ones (markup, `]]>`, `/ : # @ ?`, edge spaces, non-ASCII,
 * astral) and the characters the services cannot store (CR, LF, other controls, lone surrogates).
 *
 * Written from the vendors' documented rules (provider/model/bucketNames.ts cites them), not from the provider's
 * checks, so a check that is too strict fails "valid arguments pass" and one that is too lax fails the refusals.
 */
import fc from "fast-check";
import type { Vendor } from "../../../provider/model/inventoryConfig";

/** Characters every vendor stores unchanged in ids, prefixes and tags. */
export const VALID_TEXT_CHARS = [
  ..."abcXYZ019/-_.", " ", "<", ">", "&", "'", '"', ";", "#", "%", "+", "=", ":", "?", "@", "[", "]", "\\", "*", "é", "中", "😀", "\u00a0", "\u2028",
];
/** Characters no vendor can store unchanged: refused at check wherever they appear. */
export const FORBIDDEN_TEXT_CHARS = ["\r", "\n", "\t", "\u0000", "\u0001", "\u001f", "\u007f", "\u0085", "\ud800", "\udfff", "\uffff", "\ufffe"];

const textOf = (chars: string[], min: number, max: number) => fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });

/** Valid text, not blank, up to `max` code points; a third of the time exactly `max` long (limits are reached). */
export function validText(max: number): fc.Arbitrary<string> {
  const short = textOf(VALID_TEXT_CHARS, 1, Math.min(max, 24));
  const full = textOf(VALID_TEXT_CHARS, max, max);
  return fc.oneof({ weight: 2, arbitrary: short }, { weight: 1, arbitrary: full }).filter((s) => s.trim() !== "");
}

/** Valid text with at least one character the services cannot store. */
export function forbiddenText(): fc.Arbitrary<string> {
  return fc
    .tuple(textOf(VALID_TEXT_CHARS, 0, 8), fc.constantFrom(...FORBIDDEN_TEXT_CHARS), textOf(VALID_TEXT_CHARS, 0, 8))
    .map(([a, bad, b]) => `x${a}${bad}${b}x`);
}

/** Regions each vendor has (a sample), including OSS's gated ones. */
export const REGIONS: Record<Vendor, string[]> = {
  oss: ["cn-hangzhou", "cn-beijing", "cn-qingdao", "cn-huhehaote", "eu-central-1", "na-south-1", "ap-southeast-1"],
  cos: ["ap-guangzhou", "ap-beijing", "ap-shanghai", "na-siliconvalley", "eu-frankfurt"],
  obs: ["cn-north-4", "cn-east-3", "ap-southeast-1", "la-south-2"],
  s3: ["us-east-1", "eu-west-1", "ap-south-1", "us-gov-west-1", "sa-east-1"],
};

const LOWER = [..."abcdefghijklmnopqrstuvwxyz0123456789"];
const label = (min: number, max: number) =>
  fc.tuple(fc.constantFrom(...LOWER), fc.string({ unit: fc.constantFrom(...LOWER, "-"), minLength: Math.max(0, min - 2), maxLength: max - 2 }), fc.constantFrom(...LOWER))
    .map(([a, mid, z]) => `${a}${mid.replace(/-+/g, "-")}${z}`);

/** A bucket name the vendor's documented rule allows; COS names carry a ten-digit appid and fit a 60-character host. */
export function bucketNameArbitrary(vendor: Vendor, region: string): fc.Arbitrary<string> {
  const appid = fc.integer({ min: 1_250_000_000, max: 1_399_999_999 }).map(String);
  if (vendor === "cos") {
    const room = 60 - ".cos..myqcloud.com".length - region.length - "-1250000000".length;
    return fc.tuple(label(1, room), appid).map(([name, id]) => `${name}-${id}`);
  }
  if (vendor === "oss") return fc.oneof(label(3, 63), label(63, 63));
  // OBS and S3: dot-separated labels, no '..', and no '.-'/'-.' (OBS forbids them; S3 allows them, but rarely).
  const dotted = fc.array(label(1, 20), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(".")).filter((n) => n.length >= 3 && n.length <= 63);
  const named = fc.oneof(dotted, label(3, 63), label(63, 63));
  return named.filter((n) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(n) && !/^(xn--|sthree-|amzn-s3-demo-)/.test(n) && !/(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/.test(n));
}

/** The destination bucket as a user may write it: plain, or in the vendor's ARN form (OBS has none). */
export function destinationSpelling(vendor: Vendor, region: string, bucket: string): fc.Arbitrary<string> {
  const arn: Record<Vendor, string | undefined> = {
    oss: `acs:oss:::${bucket}`,
    cos: `qcs::cos:${region}::${bucket}`,
    obs: undefined,
    s3: `arn:aws:s3:::${bucket}`,
  };
  return arn[vendor] === undefined ? fc.constant(bucket) : fc.constantFrom(bucket, arn[vendor]!);
}

/** An account id of the vendor's form: OSS UID 16 digits, COS UIN 10 to 12 digits, S3 12 digits. */
export function accountIdArbitrary(vendor: Vendor): fc.Arbitrary<string | undefined> {
  const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max }).map((d) => `1${d}`);
  if (vendor === "oss") return digits(15, 15);
  if (vendor === "cos") return digits(9, 11);
  if (vendor === "s3") return digits(11, 11);
  return fc.constant(undefined);
}

/** An endpoint override: absent, or an http(s) origin (with or without a trailing slash). */
export const endpointArbitrary: fc.Arbitrary<string | undefined> = fc.option(
  fc.tuple(fc.constantFrom("http", "https"), fc.constantFrom("127.0.0.1", "localhost", "s3.example.com", "[::1]"), fc.option(fc.integer({ min: 1, max: 65535 })), fc.boolean())
    .map(([scheme, host, port, slash]) => `${scheme}://${host}${port ? `:${port}` : ""}${slash ? "/" : ""}`),
  { nil: undefined },
);

/** Where the configuration lives and where its reports go. */
export interface Placement {
  region: string;
  bucket: string;
  /** As the user writes it: plain or ARN. */
  destinationBucket: string;
  accountId?: string;
  roleArn?: string;
  endpoint?: string;
}

/** A random placement for `vendor` in `region` (any region of the vendor when omitted). */
export function placementArbitrary(vendor: Vendor, region?: string): fc.Arbitrary<Placement> {
  const regions = region ? fc.constant(region) : fc.constantFrom(...REGIONS[vendor]);
  return regions.chain((r) =>
    fc
      .record({ bucket: bucketNameArbitrary(vendor, r), dest: bucketNameArbitrary(vendor, r), account: accountIdArbitrary(vendor), endpoint: endpointArbitrary })
      .chain(({ bucket, dest, account, endpoint }) =>
        destinationSpelling(vendor, r, dest).map((destinationBucket) => {
          const place: Placement = { region: r, bucket, destinationBucket };
          if (account) place.accountId = account;
          if (vendor === "oss" && account) place.roleArn = `acs:ram::${account}:role/AliyunOSSRole`;
          if (endpoint) place.endpoint = endpoint;
          return place;
        }),
      ),
  );
}
