/**
 * Random valid configurations per vendor, in canonical (normalized) form, survive serialize → deserialize exactly,
 * alone and inside a list page; normalize is idempotent on them. Texts carry XML markup, quotes, tabs, edge spaces
 * and astral characters, so escaping and whitespace handling are exercised on every run.
 */
import fc from "fast-check";
import { DIALECTS } from "../../provider/dialects/dialectFor";
import { VENDORS, type BucketRef, type InventoryConfig, type Vendor } from "../../provider/model/inventoryConfig";
import { normalizeConfig } from "../../provider/model/normalize";
import { Figures } from "../reliability/support/figures";
import { configArbitrary, SEED_PLACEMENT } from "./support/inventoryArbitraries";

const figures = new Figures("property-dialects");
afterAll(() => figures.write());

const LIST_ROOT: Record<Vendor, string> = {
  oss: "ListInventoryConfigurationsResult",
  cos: "ListInventoryConfigurationResult",
  obs: "ListInventoryConfiguration",
  s3: "ListInventoryConfigurationsResult",
};

const refOf = (vendor: Vendor): BucketRef => ({ vendor, region: SEED_PLACEMENT[vendor].region, bucket: SEED_PLACEMENT[vendor].bucket });

/** Canonical configurations: generated valid, then normalized by the product's own normalize. */
const canonical = (vendor: Vendor) =>
  configArbitrary(vendor, SEED_PLACEMENT[vendor], { advancedFilters: true, incremental: true }).map((c) => normalizeConfig(vendor, c));

function roundTrip(vendor: Vendor, config: InventoryConfig): InventoryConfig {
  const dialect = DIALECTS[vendor];
  return dialect.deserializeInventory(dialect.serializeInventory(config, refOf(vendor)), { status: 200 });
}

describe.each(VENDORS.map((v) => [v]))("%s wire mapping", (vendor) => {
  test("normalize is idempotent on valid configurations", () => {
    fc.assert(
      fc.property(canonical(vendor), (config) => {
        figures.add("inputsFuzzed");
        expect(normalizeConfig(vendor, config)).toStrictEqual(config);
      }),
      { numRuns: 300 },
    );
  });

  test("serialize → deserialize gives back exactly the canonical configuration", () => {
    fc.assert(
      fc.property(canonical(vendor), (config) => {
        figures.add("inputsFuzzed");
        expect(roundTrip(vendor, config)).toStrictEqual(config);
      }),
      { numRuns: 300 },
    );
  });

  test("a list page of several configurations reads back every one, in order", () => {
    fc.assert(
      fc.property(fc.array(canonical(vendor), { minLength: 1, maxLength: 5 }), (configs) => {
        figures.add("inputsFuzzed");
        const dialect = DIALECTS[vendor];
        const inner = configs.map((c) => dialect.serializeInventory(c, refOf(vendor)).replace(/^<\?xml[^>]*>\s*/, "")).join("\n");
        const page = dialect.deserializeInventoryPage(`<${LIST_ROOT[vendor]}>${inner}</${LIST_ROOT[vendor]}>`, { status: 200 });
        expect(page.configurations).toStrictEqual(configs);
      }),
      { numRuns: 100 },
    );
  });

  test("the serialized body is well-formed and carries no empty element but the SSE markers", () => {
    fc.assert(
      fc.property(canonical(vendor), (config) => {
        figures.add("inputsFuzzed");
        const xml = DIALECTS[vendor].serializeInventory(config, refOf(vendor));
        expect(xml).not.toMatch(/<(\w+)><\/\1>/);
        // Every "&" starts one of the five predefined entities or a character reference.
        expect(xml.replace(/&(lt|gt|amp|apos|quot|#\d+|#x[0-9a-fA-F]+);/g, "")).not.toContain("&");
      }),
      { numRuns: 200 },
    );
  });
});
