import { DIALECTS } from "../../../provider/dialects/dialectFor";
import { VENDORS, type InventoryConfig, type Vendor } from "../../../provider/model/inventoryConfig";
import { FULL, minimal, OTHER_ENCRYPTIONS, REFS } from "./configs";

const roundTrip = (vendor: Vendor, config: InventoryConfig) => {
  const dialect = DIALECTS[vendor];
  return dialect.deserializeInventory(dialect.serializeInventory(config, REFS[vendor]));
};

/** A list page made of the serialized configurations (declarations stripped), as the service would send it. */
function listDocument(vendor: Vendor, configs: InventoryConfig[], tail = ""): string {
  const root = { oss: "ListInventoryConfigurationsResult", cos: "ListInventoryConfigurationResult", obs: "ListInventoryConfiguration", s3: "ListInventoryConfigurationsResult" }[vendor];
  const inner = configs.map((c) => DIALECTS[vendor].serializeInventory(c, REFS[vendor]).replace(/^<\?xml[^>]*>\s*/, "")).join("");
  return `<${root}>${inner}${tail}</${root}>`;
}

describe.each(VENDORS.map((v) => [v]))("%s serialize → deserialize", (vendor) => {
  test("every field the vendor supports comes back equal, id 0012 included", () => {
    expect(roundTrip(vendor, FULL[vendor])).toStrictEqual(FULL[vendor]);
  });

  test("a minimal configuration (no filter, prefix, encryption or fields) comes back equal", () => {
    expect(roundTrip(vendor, minimal(vendor))).toStrictEqual(minimal(vendor));
  });

  test("single-element lists come back as lists", () => {
    const config = { ...FULL[vendor], optionalFields: ["Size"] };
    expect(roundTrip(vendor, config)).toStrictEqual(config);
    const page = DIALECTS[vendor].deserializeInventoryPage(listDocument(vendor, [config]));
    expect(page.configurations).toStrictEqual([config]);
  });

  test("empty optional values are not written and read back as absent", () => {
    const config = { ...FULL[vendor], filter: { prefix: "" }, destination: { ...FULL[vendor].destination, prefix: "" } };
    const xml = DIALECTS[vendor].serializeInventory(config, REFS[vendor]);
    expect(xml).not.toMatch(/<(\w+)><\/\1>/);
    expect(xml).not.toMatch(/<Prefix>/);
    const back = DIALECTS[vendor].deserializeInventory(xml);
    expect(back.destination.prefix).toBeUndefined();
    expect(back.filter?.prefix).toBeUndefined();
  });

  test("a 0 goes on the wire and comes back as 0, never as absent", () => {
    if (vendor !== "oss") return;
    const config = { ...FULL.oss, filter: { lowerSizeBound: 0 } };
    expect(DIALECTS.oss.serializeInventory(config, REFS.oss)).toContain("<LowerSizeBound>0</LowerSizeBound>");
    expect(roundTrip(vendor, config)).toStrictEqual(config);
  });

  test("markup characters in values survive", () => {
    const config = { ...minimal(vendor), filter: { prefix: `a<b>&"c'/ d` } };
    expect(roundTrip(vendor, config)).toStrictEqual(config);
  });

  test("a list with several configurations reads them all, in order", () => {
    const configs = [FULL[vendor], minimal(vendor), { ...minimal(vendor), id: "third" }];
    expect(DIALECTS[vendor].deserializeInventoryPage(listDocument(vendor, configs)).configurations).toStrictEqual(configs);
  });
});

const encryptionCases = VENDORS.flatMap((v) => OTHER_ENCRYPTIONS[v].map((e) => [v, JSON.stringify(e), e] as const));
test.each(encryptionCases)("%s: encryption %s comes back equal", (vendor, _name, encryption) => {
  const config = { ...FULL[vendor], destination: { ...FULL[vendor].destination, encryption } };
  expect(roundTrip(vendor, config)).toStrictEqual(config);
});

describe("list pages", () => {
  test.each(["oss", "cos", "s3"] as const)("%s: IsTruncated with NextContinuationToken gives the next token", (vendor) => {
    const doc = listDocument(vendor, [FULL[vendor]], "<IsTruncated>true</IsTruncated><NextContinuationToken>tok/1+2=</NextContinuationToken>");
    expect(DIALECTS[vendor].deserializeInventoryPage(doc)).toStrictEqual({ configurations: [FULL[vendor]], nextToken: "tok/1+2=" });
  });

  test.each(["oss", "cos", "s3"] as const)("%s: IsTruncated false means no next page", (vendor) => {
    const doc = listDocument(vendor, [], "<IsTruncated>false</IsTruncated><NextContinuationToken>ignored</NextContinuationToken>");
    expect(DIALECTS[vendor].deserializeInventoryPage(doc)).toStrictEqual({ configurations: [] });
  });

  test("OBS returns one page: a token there is never followed", () => {
    const doc = listDocument("obs", [FULL.obs], "<IsTruncated>true</IsTruncated><NextContinuationToken>t</NextContinuationToken>");
    expect(DIALECTS.obs.deserializeInventoryPage(doc)).toStrictEqual({ configurations: [FULL.obs] });
  });
});
