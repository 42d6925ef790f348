import { DIALECTS } from "../../../provider/dialects/dialectFor";
import { ProtocolError } from "../../../provider/errors";
import { COS_AND_PERIOD, COS_DOC_EXAMPLE, OBS_GET_RESPONSE, OBS_LIST_RESPONSE, OSS_DOC_EXAMPLE, OSS_OSS2_STYLE, S3_LIST_RESPONSE } from "./documents";

const { oss, cos, obs, s3 } = DIALECTS;

describe("deserialize reads what the vendors actually send", () => {
  test("OSS: the API reference example, pretty-printed, with its comma-list StorageClass and KMS key", () => {
    expect(oss.deserializeInventory(OSS_DOC_EXAMPLE)).toStrictEqual({
      id: "report1",
      enabled: true,
      filter: { prefix: "Pics/", lastModifyBeginTimeStamp: 1637883649, lastModifyEndTimeStamp: 1638347592, lowerSizeBound: 1024, upperSizeBound: 1048576, storageClasses: ["Standard", "IA"] },
      destination: { bucket: "destbucket", prefix: "prefix1/", format: "CSV", accountId: "100000000000000", roleArn: "acs:ram::100000000000000:role/AliyunOSSRole", encryption: { sseKms: { keyId: "keyId" } } },
      schedule: { frequency: "Daily" },
      includedObjectVersions: "All",
      optionalFields: ["Size", "LastModifiedDate", "TransistionTime", "ETag", "StorageClass", "IsMultipartUploaded", "EncryptionStatus"],
    });
  });

  test("OSS: another element order, True, a 0 size bound read as 0 (not as absent) and unknown elements", () => {
    expect(oss.deserializeInventory(OSS_OSS2_STYLE)).toStrictEqual({
      id: "test-config-id",
      enabled: true,
      filter: { lowerSizeBound: 0 },
      destination: { bucket: "dest", prefix: "destination-prefix", format: "CSV", accountId: "1000000000000001", roleArn: "acs:ram::1000000000000001:role/r", encryption: { sseOss: {} } },
      schedule: { frequency: "Weekly" },
      includedObjectVersions: "Current",
      optionalFields: ["Size"],
    });
  });

  test("COS: the doc example, with True, the IsMultipartUpload typo and the qcs destination", () => {
    expect(cos.deserializeInventory(COS_DOC_EXAMPLE)).toStrictEqual({
      id: "list1",
      enabled: true,
      filter: { prefix: "myPrefix" },
      destination: { bucket: "examplebucket-1250000000", prefix: "list1", format: "CSV", accountId: "100000000001", encryption: { sseCos: {} } },
      schedule: { frequency: "Daily" },
      includedObjectVersions: "All",
      optionalFields: ["Size", "IsMultipartUploaded"],
    });
  });

  test("COS: Filter/And with a tag and Filter/Period, in a truncated list page", () => {
    expect(cos.deserializeInventoryPage(COS_AND_PERIOD)).toStrictEqual({
      configurations: [
        {
          id: "inventory-id",
          enabled: false,
          filter: { prefix: "myPrefix", lastModifyBeginTimeStamp: 1687276800, tags: [{ key: "age", value: "18" }] },
          destination: { bucket: "examplebucket-1250000000", format: "CSV" },
          schedule: { frequency: "Weekly" },
          includedObjectVersions: "Current",
          optionalFields: [],
        },
      ],
      nextToken: "1ueSDFASDF1Tr/XDAFdadEADadf2J/wm36Hy4vbOwM=",
    });
  });

  test("OBS: a namespaced GET response with an element the docs do not list", () => {
    expect(obs.deserializeInventory(OBS_GET_RESPONSE)).toStrictEqual({
      id: "test_id",
      enabled: true,
      filter: { prefix: "inventoryTestPrefix" },
      destination: { bucket: "destbucket", prefix: "dest-prefix", format: "CSV" },
      schedule: { frequency: "Daily" },
      includedObjectVersions: "All",
      optionalFields: ["Size"],
    });
  });

  test("OBS: the list root ListInventoryConfiguration with one configuration", () => {
    expect(obs.deserializeInventoryPage(OBS_LIST_RESPONSE).configurations.map((c) => c.id)).toEqual(["a"]);
  });

  test("S3: a namespaced list page with one configuration, SSE-S3 and ORC", () => {
    const page = s3.deserializeInventoryPage(S3_LIST_RESPONSE);
    expect(page.nextToken).toBeUndefined();
    expect(page.configurations).toStrictEqual([
      {
        id: "report1",
        enabled: true,
        destination: { bucket: "destination-bucket", prefix: "prefix1", format: "ORC", accountId: "123456789012", encryption: { sseS3: {} } },
        schedule: { frequency: "Daily" },
        includedObjectVersions: "Current",
        optionalFields: ["Size"],
      },
    ]);
  });
});

describe("deserialize refuses what it cannot read, with a ProtocolError", () => {
  const config = (inner: string) => `<InventoryConfiguration>${inner}</InventoryConfiguration>`;
  const good = `<Id>a</Id><IsEnabled>true</IsEnabled><Destination><Format>CSV</Format><Bucket>b</Bucket></Destination><Schedule><Frequency>Daily</Frequency></Schedule><IncludedObjectVersions>All</IncludedObjectVersions>`;

  test("a good OBS document reads (control for the cases below)", () => {
    expect(obs.deserializeInventory(config(good)).id).toBe("a");
  });

  test.each([
    ["no Id", good.replace("<Id>a</Id>", ""), /InventoryConfiguration\.Id is missing/],
    ["an IsEnabled that is not a boolean", good.replace("true", "yes"), /IsEnabled is "yes"/],
    ["no Destination", good.replace(/<Destination>.*<\/Destination>/, ""), /Destination is missing/],
    ["no Schedule", good.replace(/<Schedule>.*<\/Schedule>/, ""), /Schedule is missing/],
  ])("%s", (_what, inner, message) => {
    expect(() => obs.deserializeInventory(config(inner))).toThrow(ProtocolError);
    expect(() => obs.deserializeInventory(config(inner))).toThrow(message);
  });

  test("the wrong root element", () => {
    expect(() => s3.deserializeInventory("<Something/>")).toThrow(/root element is Something, expected InventoryConfiguration/);
  });

  test("a 200 carrying an <Error> document is retryable, with the vendor's code in the message", () => {
    const body = "<Error><Code>InternalError</Code><Message>We encountered an internal error</Message><RequestId>r9</RequestId></Error>";
    const error = (() => {
      try {
        s3.deserializeInventory(body, { status: 200 });
      } catch (e) {
        return e as ProtocolError;
      }
    })();
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ retryable: true, status: 200, requestId: "r9" });
    expect(error!.message).toMatch(/InternalError We encountered an internal error/);
  });

  test("a truncated 200 body is retryable; outside a 2xx it is not", () => {
    const cut = OSS_DOC_EXAMPLE.slice(0, 300);
    expect(() => oss.deserializeInventory(cut, { status: 200 })).toThrow(expect.objectContaining({ retryable: true }));
    expect(() => oss.deserializeInventory(cut)).toThrow(expect.objectContaining({ retryable: false }));
  });

  test("a truncated list page that claims more pages but gives no token", () => {
    expect(() => s3.deserializeInventoryPage(`<ListInventoryConfigurationsResult><IsTruncated>true</IsTruncated></ListInventoryConfigurationsResult>`)).toThrow(
      /IsTruncated but has no NextContinuationToken/,
    );
  });
});
