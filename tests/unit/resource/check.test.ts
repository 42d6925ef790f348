import fc from "fast-check";
import { checkInventory } from "../../../provider/resource/check";
import { UNKNOWN_VALUE } from "../../../provider/model/unknownValue";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { argsWith } from "./validArgs";

const OSS_RULE = "OSS bucket names are 3 to 63 lower-case letters, digits, '-' and '_', beginning and ending with a letter or digit";
const COS_RULE =
  `COS bucket names are "<name>-<appid>": the name of lower-case letters, digits and '-', not beginning or ending with '-', ` +
  "the appid digits, and the host name <name>-<appid>.cos.<region>.myqcloud.com at most 60 characters";
const OBS_RULE =
  "OBS bucket names are 3 to 63 lower-case letters, digits, '-' and '.', beginning with a letter or digit, not ending with '-' or '.', " +
  "without '..', '.-' or '-.', and not an IP address";
const S3_RULE =
  "S3 bucket names are 3 to 63 lower-case letters, digits, '-' and '.', beginning and ending with a letter or digit, without '..', " +
  "not an IP address, not beginning with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3";

async function failures(vendor: Vendor, patch: Record<string, unknown> = {}): Promise<string[]> {
  const result = await checkInventory(argsWith(vendor, patch));
  return result.failures.map((f) => `${f.property}: ${f.reason}`);
}

describe("check: static rules", () => {
  it.each<Vendor>(["oss", "cos", "obs", "s3"])("accepts the valid %s example", async (vendor) => {
    expect(await failures(vendor)).toEqual([]);
  });

  const cases: [string, Vendor, Record<string, unknown>, string[]][] = [
    // identity
    ["vendor missing", "s3", { vendor: undefined }, ['vendor: is required; use "oss", "cos", "obs" or "s3"']],
    ["vendor unknown", "s3", { vendor: "aws" }, ['vendor: "aws" is not supported; use "oss", "cos", "obs" or "s3"']],
    ["region missing", "s3", { region: undefined }, ["region: is required"]],
    ["region spelled badly", "s3", { region: "US East 1" }, ['region: "us east 1" is not a region id (lower-case letters, digits and \'-\', e.g. "cn-hangzhou")']],
    ["bucket missing", "obs", { bucket: undefined }, ["bucket: is required"]],
    ["COS bucket without appid", "cos", { bucket: "photos" }, [`bucket: "photos" lacks the "-<appid>" suffix COS bucket names carry, e.g. "photos-1250000000"; ${COS_RULE}`]],
    ["inventoryId missing", "oss", { inventoryId: undefined }, ["inventoryId: is required"]],
    ["OSS id over 192", "oss", { inventoryId: "a".repeat(193) }, [`inventoryId: "${"a".repeat(77)}..." is 193 characters long; OSS allows at most 192`]],
    ["OSS id of 192 is fine", "oss", { inventoryId: "b".repeat(192) }, []],
    ["OSS id may use any characters (seed 004 limits only the length)", "oss", { inventoryId: "日次-report" }, []],
    ["OBS id over 64", "obs", { inventoryId: "x".repeat(65) }, [`inventoryId: "${"x".repeat(65)}" is 65 characters long; OBS allows at most 64`]],
    ["OBS id charset", "obs", { inventoryId: "daily report" }, [`inventoryId: "daily report" has characters OBS does not allow; use letters, digits, '-', '.' and '_'`]],
    ["COS id past 64 (no documented length)", "cos", { inventoryId: "c".repeat(200) }, []],
    ["COS id charset", "cos", { inventoryId: "daily/1" }, [`inventoryId: "daily/1" has characters COS does not allow; use letters, digits, '-', '.' and '_'`]],
    ["S3 id charset", "s3", { inventoryId: "daily:1" }, [`inventoryId: "daily:1" has characters S3 does not allow; use letters, digits, '-', '.' and '_'`]],
    ["endpoint not a URL", "s3", { endpoint: "127.0.0.1:9000" }, ['endpoint: "127.0.0.1:9000" is not an http(s) URL such as "http://127.0.0.1:9000"']],
    ["adopt not boolean", "s3", { adopt: "yes" }, ['adopt: "yes" is not a boolean (true or false)']],
    ["argument typo", "s3", { optionalField: ["Size"] }, [
      "optionalField: is not an argument of BucketInventory; known arguments: vendor, region, bucket, inventoryId, enabled, destination, filter, schedule, includedObjectVersions, optionalFields, incrementalInventory, endpoint, adopt",
    ]],
    ["nested typo", "s3", { "destination.formats": "CSV" }, ["destination.formats: is not a member of destination; known members: bucket, prefix, format, accountId, roleArn, encryption"]],
    // enums and lists
    ["enabled not boolean", "s3", { enabled: "maybe" }, ['enabled: "maybe" is not a boolean (true or false)']],
    ["schedule missing", "s3", { schedule: undefined }, ['schedule: is required, e.g. { frequency: "Daily" }']],
    ["frequency unknown", "obs", { "schedule.frequency": "Hourly" }, ['schedule.frequency: "Hourly" is not supported by OBS; use "Daily" or "Weekly"']],
    ["versions unknown", "cos", { includedObjectVersions: "Latest" }, ['includedObjectVersions: "Latest" is not supported by COS; use "All" or "Current"']],
    ["OSS optional field", "oss", { optionalFields: ["Size", "ObjectOwner"] }, [
      'optionalFields: "ObjectOwner" is not an OSS optional field; use any of Key, VersionId, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass, IsMultipartUploaded, EncryptionStatus, TransitionTime, ObjectAcl, TaggingCount, ObjectType, Crc64',
    ]],
    ["OSS Key, VersionId, IsDeleteMarker (seed 004's Field list) and the seed sample's TransistionTime", "oss", {
      optionalFields: ["Key", "VersionId", "IsDeleteMarker", "TransistionTime"],
    }, [
    ]],
    ["COS optional field", "cos", { optionalFields: ["EncryptionStatus"] }, [
      'optionalFields: "EncryptionStatus" is not a COS optional field; use any of Size, LastModifiedDate, StorageClass, ETag, IsMultipartUploaded, ReplicationStatus',
    ]],
    ["OBS optional field", "obs", { optionalFields: ["Crc64"] }, [
      'optionalFields: "Crc64" is not an OBS optional field; use any of Size, LastModifiedDate, StorageClass, ETag, IsMultipartUploaded, ReplicationStatus, EncryptionStatus',
    ]],
    ["optional field casing is fixed, not failed", "s3", { optionalFields: ["size", "ETAG"] }, []],
    // destination
    ["destination missing", "s3", { destination: undefined }, ["destination: is required: { bucket, format, ... }"]],
    ["destination bucket missing", "s3", { "destination.bucket": undefined }, ["destination.bucket: is required"]],
    ["format for vendor", "oss", { "destination.format": "Parquet" }, ['destination.format: "Parquet" is not supported by OSS; use "CSV"']],
    ["S3 format", "s3", { "destination.format": "JSON" }, ['destination.format: "JSON" is not supported by S3; use "CSV", "ORC" or "Parquet"']],
    ["ARN of another vendor", "oss", { "destination.bucket": "arn:aws:s3:::reports" }, [
      `destination.bucket: "arn:aws:s3:::reports" is written in S3's ARN form; OSS takes the bucket name or "acs:oss:::<bucket>"`,
    ]],
    ["COS destination without appid", "cos", { "destination.bucket": "reports" }, [
      `destination.bucket: "reports" lacks the "-<appid>" suffix COS bucket names carry, e.g. "photos-1250000000"; ${COS_RULE}`,
    ]],
    ["COS ARN in another region", "cos", { "destination.bucket": "qcs::cos:ap-beijing::reports-bj-1250000000" }, [
      'destination.bucket: "qcs::cos:ap-beijing::reports-bj-1250000000" is in ap-beijing, source "photos-1250000000" is in ap-guangzhou; COS requires the same region',
    ]],
    ["OSS accountId required", "oss", { "destination.accountId": undefined, "destination.roleArn": "acs:ram::1000000000000001:role/r" }, [
      "destination.accountId: is required by OSS: the account id that owns the destination bucket",
    ]],
    ["OSS roleArn required", "oss", { "destination.roleArn": undefined }, [
      'destination.roleArn: is required by OSS: the RAM role it assumes to write reports, "acs:ram::<uid>:role/<name>"',
    ]],
    ["OSS roleArn form", "oss", { "destination.roleArn": "AliyunOSSRole" }, [
      'destination.roleArn: "AliyunOSSRole" is not a RAM role ARN "acs:ram::<uid>:role/<name>" (name: 1-64 letters, digits, ".", "-", "_")',
    ]],
    ["OSS role name with a path or @ (RAM names have neither)", "oss", { "destination.roleArn": "acs:ram::1000000000000001:role/a/b@c" }, [
      'destination.roleArn: "acs:ram::1000000000000001:role/a/b@c" is not a RAM role ARN "acs:ram::<uid>:role/<name>" (name: 1-64 letters, digits, ".", "-", "_")',
    ]],
    ["OSS role name of 65 characters", "oss", { "destination.roleArn": `acs:ram::1000000000000001:role/${"r".repeat(65)}` }, [
      `destination.roleArn: "acs:ram::1000000000000001:role/${"r".repeat(46)}..." is not a RAM role ARN "acs:ram::<uid>:role/<name>" (name: 1-64 letters, digits, ".", "-", "_")`,
    ]],
    ["OSS role names with . - _ (seed 004's bucket-inventory-role)", "oss", { "destination.roleArn": "acs:ram::1000000000000001:role/bucket-inventory_role.v2" }, []],
    ["OSS role in another account", "oss", { "destination.roleArn": "acs:ram::1000000000000002:role/AliyunOSSRole" }, [
      'destination.roleArn: "acs:ram::1000000000000002:role/AliyunOSSRole" belongs to account 1000000000000002, destination.accountId is "1000000000000001"; OSS requires the same account',
    ]],
    ["roleArn outside OSS", "s3", { "destination.roleArn": "arn:aws:iam::111111111111:role/x" }, [
      'destination.roleArn: "arn:aws:iam::111111111111:role/x": only OSS takes a role ARN; remove it for S3',
    ]],
    ["OBS has no accountId", "obs", { "destination.accountId": "0a1b" }, [
      'destination.accountId: "0a1b": OBS has no destination account (it requires the source\'s own account); remove it',
    ]],
    ["S3 accountId form", "s3", { "destination.accountId": "1111" }, ['destination.accountId: "1111" is not an AWS account id (12 digits)']],
    ["OBS has no encryption", "obs", { "destination.encryption": { sseKms: { keyId: "k" } } }, [
      "destination.encryption: OBS has no inventory report encryption setting; remove destination.encryption",
    ]],
    ["encryption variant of another vendor", "oss", { "destination.encryption": { sseCos: {} } }, [
      "destination.encryption: sseCos is not available on OSS; use { sseOss: {} } or { sseKms: { keyId } }",
    ]],
    ["two encryption variants", "s3", { "destination.encryption": { sseS3: {}, sseKms: { keyId: "k" } } }, [
      'destination.encryption: {"sseS3":{},"sseKms":{"keyId":"k"}} must set exactly one of "sseS3" or "sseKms": { sseS3: {} } or { sseKms: { keyId } }',
    ]],
    ["S3 KMS needs a key", "s3", { "destination.encryption": { sseKms: {} } }, ["destination.encryption.sseKms.keyId: is required by S3: the KMS key ARN"]],
    ["OSS KMS may use the default key", "oss", { "destination.encryption": { sseKms: {} } }, []],
    ["SSE-COS takes no settings", "cos", { "destination.encryption": { sseCos: { keyId: "k" } } }, [
      'destination.encryption.sseCos: {"keyId":"k"} takes no settings; write sseCos: {}',
    ]],
    // filter
    ["S3 has no size filter", "s3", { "filter.lowerSizeBound": 10 }, ["filter.lowerSizeBound: S3 has no size filter; remove filter.lowerSizeBound"]],
    ["OBS has no last-modified filter", "obs", { "filter.lastModifyBeginTimeStamp": 1700000000 }, [
      "filter.lastModifyBeginTimeStamp: OBS has no last-modified filter; remove filter.lastModifyBeginTimeStamp",
    ]],
    ["COS has no size filter", "cos", { "filter.upperSizeBound": 10 }, ["filter.upperSizeBound: COS has no size filter; remove filter.upperSizeBound"]],
    ["S3 has no tag filter", "s3", { "filter.tags": [{ key: "a", value: "b" }] }, ["filter.tags: S3 has no tag filter; remove filter.tags"]],
    ["OSS advanced filter outside its regions", "oss", { "filter.lowerSizeBound": 1024 }, [
      "filter.lowerSizeBound: 1024 cannot be used in cn-hangzhou; OSS offers the last-modified, size and storage-class filters only in cn-qingdao, cn-huhehaote and eu-central-1",
    ]],
    ["OSS timestamp range", "oss", { region: "cn-qingdao", "filter.lastModifyBeginTimeStamp": 100 }, [
      "filter.lastModifyBeginTimeStamp: 100 is outside [1262275200, 253402271999], the epoch seconds OSS accepts",
    ]],
    ["OSS timestamps ordered", "oss", { region: "cn-qingdao", "filter.lastModifyBeginTimeStamp": 1700000000, "filter.lastModifyEndTimeStamp": 1600000000 }, [
      "filter.lastModifyEndTimeStamp: 1600000000 is before filter.lastModifyBeginTimeStamp 1700000000; the range must be ordered",
    ]],
    ["OSS size bounds ordered", "oss", { region: "eu-central-1", "filter.lowerSizeBound": 2048, "filter.upperSizeBound": 1024 }, [
      "filter.upperSizeBound: 1024 is below filter.lowerSizeBound 2048; the bounds must be ordered",
    ]],
    ["OSS size bound not a number", "oss", { region: "eu-central-1", "filter.upperSizeBound": "big" }, [
      'filter.upperSizeBound: "big" is not a whole number of bytes (0 or more)',
    ]],
    ["OSS size bound ceiling", "oss", { region: "eu-central-1", "filter.upperSizeBound": 60 * 1024 ** 4 }, [
      `filter.upperSizeBound: ${60 * 1024 ** 4} is above ${48.8 * 1024 ** 4} bytes (48.8 TB), the most OSS accepts`,
    ]],
    ["OSS storage classes", "oss", { region: "cn-huhehaote", "filter.storageClasses": ["Standard", "Glacier"] }, [
      'filter.storageClasses: "Glacier" is not an OSS storage class; use any of Standard, IA, Archive, ColdArchive',
    ]],
    ["OSS advanced filters in Qingdao", "oss", { region: "cn-qingdao", "filter.storageClasses": ["ia", "Standard"], "filter.lowerSizeBound": "1024" }, []],
    // a falsy value is a value: refused where the vendor refuses it, never taken for "not set"
    ["OSS upperSizeBound 0 (seed 004: greater than 0 B)", "oss", { region: "cn-qingdao", "filter.upperSizeBound": 0 }, [
      "filter.upperSizeBound: 0 is not allowed; OSS takes an upper size bound greater than 0 bytes",
    ]],
    ["OSS lastModifyBeginTimeStamp 0", "oss", { region: "cn-qingdao", "filter.lastModifyBeginTimeStamp": 0 }, [
      "filter.lastModifyBeginTimeStamp: 0 is outside [1262275200, 253402271999], the epoch seconds OSS accepts",
    ]],
    ["OSS lastModifyEndTimeStamp 0", "oss", { region: "cn-qingdao", "filter.lastModifyEndTimeStamp": "0" }, [
      "filter.lastModifyEndTimeStamp: 0 is outside [1262275200, 253402271999], the epoch seconds OSS accepts",
    ]],
    ["OSS lowerSizeBound 0 is allowed (seed 004: 0 B to 48.8 TB)", "oss", { region: "cn-qingdao", "filter.lowerSizeBound": 0 }, []],
    ["OSS lowerSizeBound 0 is still a size filter, so region-bound", "oss", { "filter.lowerSizeBound": 0 }, [
      "filter.lowerSizeBound: 0 cannot be used in cn-hangzhou; OSS offers the last-modified, size and storage-class filters only in cn-qingdao, cn-huhehaote and eu-central-1",
    ]],
    ["an empty format is not CSV", "oss", { "destination.format": "" }, ['destination.format: "" is not supported by OSS; use "CSV"']],
    ["empty includedObjectVersions is not Current", "s3", { includedObjectVersions: "" }, ['includedObjectVersions: "" is not supported by S3; use "All" or "Current"']],
    ["an empty COS accountId is not left out", "cos", { "destination.accountId": "" }, ['destination.accountId: "" is not a Tencent Cloud account UIN (digits)']],
    ["an empty OSS roleArn", "oss", { "destination.roleArn": "" }, [
      'destination.roleArn: "" is not a RAM role ARN "acs:ram::<uid>:role/<name>" (name: 1-64 letters, digits, ".", "-", "_")',
    ]],
    ["an empty KMS key id is not the default key", "oss", { "destination.encryption": { sseKms: { keyId: "" } } }, [
      `destination.encryption.sseKms.keyId: "" is not a KMS key id; leave keyId out for OSS's default key`,
    ]],
    ["an empty S3 KMS key id", "s3", { "destination.encryption": { sseKms: { keyId: " " } } }, [
      'destination.encryption.sseKms.keyId: "" is not a KMS key id; S3 needs the KMS key ARN',
    ]],
    ["an empty endpoint is not the vendor's own", "s3", { endpoint: "" }, ['endpoint: "" is not an http(s) URL such as "http://127.0.0.1:9000"']],
    // COS: seed 001 lists Filter/Prefix only
    ["COS has no tag filter", "cos", { "filter.tags": [{ key: "team", value: "x" }] }, ["filter.tags: COS has no tag filter; remove filter.tags"]],
    ["COS has no last-modified filter", "cos", { "filter.lastModifyBeginTimeStamp": 5 }, [
      "filter.lastModifyBeginTimeStamp: COS has no last-modified filter; remove filter.lastModifyBeginTimeStamp",
    ]],
    ["COS has no storage-class filter", "cos", { "filter.storageClasses": ["ANYTHING"] }, [
      "filter.storageClasses: COS has no storage-class filter; remove filter.storageClasses",
    ]],
    ["COS optional fields are seed 001's six", "cos", { optionalFields: ["Tag", "Crc64", "x-cos-meta-owner"] }, [
      'optionalFields: "Crc64" is not a COS optional field; use any of Size, LastModifiedDate, StorageClass, ETag, IsMultipartUploaded, ReplicationStatus',
      'optionalFields: "Tag" is not a COS optional field; use any of Size, LastModifiedDate, StorageClass, ETag, IsMultipartUploaded, ReplicationStatus',
      'optionalFields: "x-cos-meta-owner" is not a COS optional field; use any of Size, LastModifiedDate, StorageClass, ETag, IsMultipartUploaded, ReplicationStatus',
    ]],
    // incremental inventory
    ["incremental outside OSS", "s3", { incrementalInventory: { enabled: true } }, [
      "incrementalInventory: S3 has no incremental inventory (OSS only); remove incrementalInventory",
    ]],
    ["incremental outside Mexico", "oss", { incrementalInventory: { enabled: true, optionalFields: ["SequenceNumber"] } }, [
      "incrementalInventory: is not available in cn-hangzhou; OSS offers incremental inventory only in na-south-1 (Mexico), to allow-listed accounts",
    ]],
    ["incremental schedule", "oss", { region: "na-south-1", incrementalInventory: { schedule: { frequency: 300 } } }, [
      "incrementalInventory.schedule.frequency: 300 is not allowed; OSS runs incremental inventory every 600 seconds only",
    ]],
    ["incremental fields", "oss", { region: "na-south-1", incrementalInventory: { optionalFields: ["SequenceNumber", "TaggingCount"] } }, [
      'incrementalInventory.optionalFields: "TaggingCount" is not an OSS incremental inventory field; use any of SequenceNumber, RecordType, RecordTimestamp, Requester, RequestId, SourceIp, Key, VersionId, IsDeleteMarker, Size, StorageClass, LastModifiedDate, ETag, IsMultipartUploaded, ObjectType, ObjectAcl, Crc64, EncryptionStatus',
    ]],
    ["incremental Key, VersionId, IsDeleteMarker (seed 004)", "oss", { region: "na-south-1", incrementalInventory: { optionalFields: ["Key", "VersionId", "IsDeleteMarker"] } }, [
    ]],
    ["incremental in Mexico", "oss", { region: "na-south-1", incrementalInventory: { enabled: true, schedule: { frequency: "600" }, optionalFields: ["RecordType"] } }, []],
  ];

  // Bucket names (issue 11 item 1): each vendor's documented rule, on `bucket` and on `destination.bucket` in every spelling.
  const bucketCases: [string, Vendor, Record<string, unknown>, string[]][] = [
    ["a host and path in a bucket name", "s3", { bucket: "127.0.0.1:9/x#" }, [`bucket: "127.0.0.1:9/x#" has ':', and only lower-case letters, digits, '-' and '.' are allowed; ${S3_RULE}`]],
    ["a space", "oss", { bucket: "a b" }, [`bucket: "a b" has a space, and only lower-case letters, digits, '-' and '_' are allowed; ${OSS_RULE}`]],
    ["a plus", "obs", { bucket: "a+b" }, [`bucket: "a+b" has '+', and only lower-case letters, digits, '-' and '.' are allowed; ${OBS_RULE}`]],
    ["a slash", "s3", { bucket: "a/b" }, [`bucket: "a/b" has '/', and only lower-case letters, digits, '-' and '.' are allowed; ${S3_RULE}`]],
    ["user info", "oss", { bucket: "u@evil.example" }, [`bucket: "u@evil.example" has '@', and only lower-case letters, digits, '-' and '_' are allowed; ${OSS_RULE}`]],
    ["a query", "obs", { bucket: "a?b" }, [`bucket: "a?b" has '?', and only lower-case letters, digits, '-' and '.' are allowed; ${OBS_RULE}`]],
    ["upper case", "s3", { bucket: "Photos" }, [`bucket: "Photos" has 'P', and only lower-case letters, digits, '-' and '.' are allowed; ${S3_RULE}`]],
    ["OSS has no dots", "oss", { bucket: "my.photos" }, [`bucket: "my.photos" has '.', and only lower-case letters, digits, '-' and '_' are allowed; ${OSS_RULE}`]],
    ["an underscore (OSS: seed 004's bucket_0001)", "oss", { bucket: "bucket_0001" }, []],
    ["too short", "s3", { bucket: "ab" }, [`bucket: "ab" is 2 characters long (at least 3); ${S3_RULE}`]],
    ["too long", "oss", { bucket: "a".repeat(64) }, [`bucket: "${"a".repeat(64)}" is 64 characters long (at most 63); ${OSS_RULE}`]],
    ["63 is fine", "obs", { bucket: "a".repeat(63) }, []],
    ["ends with a hyphen", "oss", { bucket: "photos-" }, [`bucket: "photos-" begins or ends with '-' or '_'; ${OSS_RULE}`]],
    ["OBS: '.-'", "obs", { bucket: "my.-photos" }, [`bucket: "my.-photos" has '..', '.-' or '-.'; ${OBS_RULE}`]],
    ["OBS: an IP address", "obs", { bucket: "192.168.5.4" }, [`bucket: "192.168.5.4" is an IP address; ${OBS_RULE}`]],
    ["S3: '..'", "s3", { bucket: "my..photos" }, [`bucket: "my..photos" has '..'; ${S3_RULE}`]],
    ["S3: a reserved prefix", "s3", { bucket: "xn--photos" }, [`bucket: "xn--photos" begins with a prefix S3 reserves; ${S3_RULE}`]],
    ["S3: a reserved suffix", "s3", { bucket: "photos-s3alias" }, [`bucket: "photos-s3alias" ends with a suffix S3 reserves; ${S3_RULE}`]],
    ["S3: dots are fine", "s3", { bucket: "photos.example.com" }, []],
    ["COS: a name ending with '-'", "cos", { bucket: "photos--1250000000" }, [`bucket: "photos--1250000000" has a name that begins or ends with '-'; ${COS_RULE}`]],
    ["COS: a host name over 60", "cos", { bucket: `${"p".repeat(30)}-1250000000` }, [
      `bucket: "${"p".repeat(30)}-1250000000" makes the host name ${"p".repeat(30)}-1250000000.cos.ap-guangzhou.myqcloud.com 71 characters long (at most 60); ${COS_RULE}`,
    ]],
    ["COS: a dot", "cos", { bucket: "my.photos-1250000000" }, [`bucket: "my.photos-1250000000" has '.', and only lower-case letters, digits and '-' are allowed; ${COS_RULE}`]],
    ["destination: a host in the name", "s3", { "destination.bucket": "127.0.0.1:9/x#" }, [
      `destination.bucket: "127.0.0.1:9/x#" has ':', and only lower-case letters, digits, '-' and '.' are allowed; ${S3_RULE}`,
    ]],
    ["destination: an S3 ARN naming a bad bucket", "s3", { "destination.bucket": "arn:aws:s3:::a b" }, [
      `destination.bucket: "arn:aws:s3:::a b" names bucket "a b", which has a space, and only lower-case letters, digits, '-' and '.' are allowed; ${S3_RULE}`,
    ]],
    ["destination: seed 004's sample acs:oss:::bucket_0001 is accepted", "oss", { "destination.bucket": "acs:oss:::bucket_0001" }, []],
    ["destination: a COS ARN naming a bad bucket", "cos", { "destination.bucket": "qcs::cos:ap-guangzhou::x/y-1250000000" }, [
      `destination.bucket: "qcs::cos:ap-guangzhou::x/y-1250000000" names bucket "x/y-1250000000", which has '/', and only lower-case letters, digits and '-' are allowed; ${COS_RULE}`,
    ]],
    ["destination: OBS plain name with '#'", "obs", { "destination.bucket": "reports#1" }, [
      `destination.bucket: "reports#1" has '#', and only lower-case letters, digits, '-' and '.' are allowed; ${OBS_RULE}`,
    ]],
  ];

  // Texts (issue 11 item 5): what the services cannot store unchanged is refused, naming the field.
  const textCases: [string, Vendor, Record<string, unknown>, string[]][] = [
    ["a carriage return in a prefix", "s3", { "filter.prefix": "logs\r/" }, ['filter.prefix: "logs\\r/" has a carriage return (U+000D), which the services read back as a line feed']],
    ["a line feed in a destination prefix", "oss", { "destination.prefix": "a\nb" }, ['destination.prefix: "a\\nb" has the control character U+000A, which inventory configurations cannot hold']],
    ["U+0001 in an id", "oss", { inventoryId: "a\u0001b" }, ['inventoryId: "a\\u0001b" has the control character U+0001, which inventory configurations cannot hold']],
    ["a tab in a destination prefix", "obs", { "destination.prefix": "a\tb" }, ['destination.prefix: "a\\tb" has the control character U+0009, which inventory configurations cannot hold']],
    ["a lone surrogate in a prefix", "obs", { "filter.prefix": "a\ud800" }, ['filter.prefix: "a\\ud800" has a lone surrogate (U+D800), which is not a character and cannot be sent as UTF-8']],
    ["a lone surrogate in an OSS id", "oss", { inventoryId: "x\udc00" }, ['inventoryId: "x\\udc00" has a lone surrogate (U+DC00), which is not a character and cannot be sent as UTF-8']],
    ["U+FFFF in a KMS key id", "s3", { "destination.encryption": { sseKms: { keyId: "k\uffff" } } }, ['destination.encryption.sseKms.keyId: "k\uffff" has U+FFFF, which is not a character XML can carry']],
    ["a C1 control in a KMS key id", "oss", { "destination.encryption": { sseKms: { keyId: "key\u0085" } } }, [
      'destination.encryption.sseKms.keyId: "key\u0085" has the control character U+0085, which inventory configurations cannot hold',
    ]],
    ["markup, ]]> and astral characters are fine", "oss", { "filter.prefix": "a]]><b>&'\"😀/中", inventoryId: "?#&/%:@ 😀" }, []],
  ];

  // Endpoints (issue 11 item 6): an origin only; a password is never quoted.
  const endpointCases: [string, Vendor, Record<string, unknown>, string[]][] = [
    ["a path", "s3", { endpoint: "http://127.0.0.1:9000/minio" }, [
      'endpoint: "http://127.0.0.1:9000/minio" has a path; give the origin only, e.g. "http://127.0.0.1:9000" (buckets are addressed path-style under it)',
    ]],
    ["a query and fragment", "s3", { endpoint: "http://127.0.0.1:9000?x=1#y" }, [
      'endpoint: "http://127.0.0.1:9000?x=1#y" has a query and a fragment; give the origin only, e.g. "http://127.0.0.1:9000" (buckets are addressed path-style under it)',
    ]],
    ["user and password", "obs", { endpoint: "https://admin:SENTINEL-PASSWORD@obs.example.com" }, [
      'endpoint: "https://<user info removed>@obs.example.com" carries a user name or password; credentials go in stack config or the environment, never in the endpoint',
    ]],
    ["a trailing slash is fine", "s3", { endpoint: "https://s3.example.com/" }, []],
    ["a path the URL parser would fold away (found by the check fuzz)", "s3", { endpoint: "http://127.0.0.1:9000/%2e%2e/" }, [
      'endpoint: "http://127.0.0.1:9000/%2e%2e/" has a path; give the origin only, e.g. "http://127.0.0.1:9000" (buckets are addressed path-style under it)',
    ]],
    ["a null frequency is a missing one (found by the check fuzz)", "s3", { "schedule.frequency": null }, ['schedule.frequency: is required; use "Daily" or "Weekly"']],
    ["not http", "s3", { endpoint: "ftp://u:SENTINEL@h" }, ['endpoint: "ftp://<user info removed>@h" is not an http(s) URL such as "http://127.0.0.1:9000"']],
  ];

  it.each([...bucketCases, ...textCases, ...endpointCases])("%s", async (_name, vendor, patch, expected) => {
    expect(await failures(vendor, patch)).toEqual(expected);
  });

  it("a password in the endpoint never reaches the returned inputs or a failure", async () => {
    const result = await checkInventory(argsWith("s3", { endpoint: "http://SENTINEL-USER:SENTINEL-PASSWORD@127.0.0.1:9000/" }));
    expect(JSON.stringify(result)).not.toMatch(/SENTINEL/);
    expect(result.inputs.endpoint).toBe("http://127.0.0.1:9000");
  });

  it.each(cases)("%s", async (_name, vendor, patch, expected) => {
    expect(await failures(vendor, patch)).toEqual(expected);
  });

  it("reports several problems at once, each naming its property", async () => {
    const found = await failures("obs", { "destination.format": "ORC", "schedule.frequency": "Monthly", inventoryId: "a b" });
    expect(found).toEqual([
      `inventoryId: "a b" has characters OBS does not allow; use letters, digits, '-', '.' and '_'`,
      'destination.format: "ORC" is not supported by OBS; use "CSV"',
      'schedule.frequency: "Monthly" is not supported by OBS; use "Daily" or "Weekly"',
    ]);
  });
});

describe("check: unknown values at preview", () => {
  it("never fails on an unknown anywhere in the tree", async () => {
    for (const path of ["bucket", "inventoryId", "region", "destination", "destination.bucket", "destination.accountId", "destination.roleArn",
      "schedule", "schedule.frequency", "optionalFields", "filter", "filter.prefix", "endpoint", "enabled"]) {
      expect({ path, failures: await failures("oss", { [path]: UNKNOWN_VALUE }) }).toEqual({ path, failures: [] });
    }
  });

  it("keeps checking what is known beside an unknown", async () => {
    expect(await failures("oss", { "destination.bucket": UNKNOWN_VALUE, "destination.format": "ORC" })).toEqual([
      'destination.format: "ORC" is not supported by OSS; use "CSV"',
    ]);
  });

  it("passes unknowns through to the inputs unchanged", async () => {
    const { inputs } = await checkInventory(argsWith("cos", { "destination.prefix": UNKNOWN_VALUE, optionalFields: ["Size", UNKNOWN_VALUE] }));
    expect((inputs.destination as Record<string, unknown>).prefix).toBe(UNKNOWN_VALUE);
    expect(inputs.optionalFields).toEqual(["Size", UNKNOWN_VALUE]);
  });
});

describe("check: returned inputs", () => {
  it("are normalized with defaults filled and casing canonical", async () => {
    const { inputs, failures: found } = await checkInventory({
      vendor: "OSS",
      region: "oss-cn-hangzhou",
      bucket: "photos",
      inventoryId: "daily",
      destination: { bucket: "acs:oss:::reports", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/r", format: "csv" },
      schedule: { frequency: "daily" },
      optionalFields: ["etag", "Size", "ETag"],
      endpoint: "http://127.0.0.1:9000/",
    });
    expect(found).toEqual([]);
    expect(inputs).toEqual({
      vendor: "oss",
      region: "cn-hangzhou",
      bucket: "photos",
      inventoryId: "daily",
      enabled: true,
      destination: { bucket: "reports", format: "CSV", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/r" },
      schedule: { frequency: "Daily" },
      includedObjectVersions: "Current",
      optionalFields: ["Size", "ETag"],
      endpoint: "http://127.0.0.1:9000",
    });
  });
});

describe("check: adversarial inputs", () => {
  it("never throws, and every failure names a property and a reason", async () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(UNKNOWN_VALUE));
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("any"), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie("any"), { maxKeys: 3 })),
    })).any;
    const vendors = fc.constantFrom("oss", "cos", "obs", "s3", "OSS", "gcs", UNKNOWN_VALUE);
    const args = fc.record({
      vendor: vendors, region: value, bucket: value, inventoryId: value, enabled: value, destination: value, filter: value,
      schedule: value, includedObjectVersions: value, optionalFields: value, incrementalInventory: value, endpoint: value, adopt: value,
    }, { requiredKeys: [] });
    await fc.assert(fc.asyncProperty(fc.oneof(args, value), async (news) => {
      const { failures: found } = await checkInventory(news);
      for (const f of found) {
        expect(typeof f.property).toBe("string");
        expect(f.property.length).toBeGreaterThan(0);
        expect(f.reason.length).toBeGreaterThan(0);
      }
    }), { numRuns: 400 });
  });
});
