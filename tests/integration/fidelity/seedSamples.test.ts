/**
 * Every XML sample of the seed documents (tests/vectors/seeds, copied verbatim), through both sides:
 * - the provider reads it (deserialize) and checks it as preview would, with live look-ups against the fake;
 * - the fake cloud takes it as a PUT, and a GET gives it back.
 * The two must agree: both accept, or both refuse on the same element. An accepted sample then goes the user's
 * way too: the provider creates it on a clean fake and a read shows no diff.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DIALECTS } from "../../../provider/dialects/dialectFor";
import { normalizeConfig } from "../../../provider/model/normalize";
import { startFakeCloud, type FakeCloud } from "../../fake/index";
import { errorCode } from "../fake/support/signedClient";
import { parseXml } from "../fake/support/xmlBody";
import { argsOfSample, fakeSeedOf, getBody, providerFor, putBody, type SeedWorld } from "./seedWorld";

const SAMPLES = path.join(__dirname, "../../vectors/seeds");
const read = (file: string) => readFileSync(path.join(SAMPLES, file), "utf8");

interface Refusal {
  /** Properties the provider's failures name. */
  provider: string[];
  /** The fake's status, code and the element its message names. */
  fake: { status: number; code: string; element: string };
}

interface SampleCase {
  file: string;
  id: string;
  world: SeedWorld;
  /** Undefined: both sides accept it. */
  refused?: Refusal;
}

const CASES: SampleCase[] = [
  // Seed 002: Host bucketname.obs.region..., destination destbucket; "region" is a placeholder.
  {
    file: "002-obs-put-request-syntax.xml", id: "configuration-id",
    world: { vendor: "obs", region: "cn-north-4", accountId: "0a1b2c3d4e5f", source: "bucketname", others: ["destbucket"] },
  },
  {
    file: "002-obs-put-sample-request.xml", id: "test_id",
    world: { vendor: "obs", region: "cn-north-4", accountId: "0a1b2c3d4e5f", source: "examplebucket", others: ["destbucket"] },
  },
  // Seed 004: its Host says cn-hangzhou, where the seed itself forbids incremental inventory (Mexico only) and the
  // advanced filters (Qingdao, Hohhot, Frankfurt only): each sample lives where its features are offered.
  {
    file: "004-oss-put-request-syntax.xml", id: "report1",
    world: { vendor: "oss", region: "na-south-1", accountId: "1000000000000000", incremental: true, source: "bucketname", others: ["destination-bucket"] },
  },
  {
    file: "004-oss-put-example-filter.xml", id: "report1",
    world: { vendor: "oss", region: "cn-qingdao", accountId: "100000000000000", source: "oss-example", others: ["destbucket"] },
  },
  // The incremental example masks its account as 12xxxxxx29: no account id has letters, so both sides refuse it
  // (the same sample with the mask filled in is walked below).
  {
    file: "004-oss-put-example-incremental.xml", id: "Report-1",
    world: { vendor: "oss", region: "na-south-1", accountId: "120000000029", incremental: true, source: "oss-example", others: ["test-inc-bi-bj"] },
    refused: {
      provider: ["destination.accountId", "destination.roleArn"],
      fake: { status: 400, code: "InvalidArgument", element: "AccountId" },
    },
  },
  // Derived from seeds 000 and 001 (they hold no XML): what their SDK calls send.
  {
    file: "000-oss-derived-oss2-example.xml", id: "test-config-id",
    world: { vendor: "oss", region: "cn-hangzhou", accountId: "1000000000000001", source: "photos", others: ["reports"] },
  },
  {
    file: "001-cos-derived-put-example.xml", id: "string",
    world: { vendor: "cos", region: "ap-guangzhou", accountId: "100000000001", appId: "1250000000", source: "examplebucket-1250000000", others: [] },
  },
];

/** The incremental example with its masked account filled in: everything else in it must pass both sides. */
const FILLED: SampleCase = {
  ...CASES.find((c) => c.file === "004-oss-put-example-incremental.xml")!,
  refused: undefined,
};
const fillMask = (xml: string) => xml.replaceAll("12xxxxxx29", "120000000029");

/**
 * What a GET gives back for a document that was put: the same elements and values, booleans in lower case, and on
 * COS a destination prefix ending in "/" (COS's PUT page: "COS appends a / to the prefix you give").
 */
function stored(xml: string, vendor: SeedWorld["vendor"]): unknown {
  const edit = (node: unknown, parent: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => edit(n, parent));
    if (node === null || typeof node !== "object") return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => {
      if (k === "IsEnabled" && typeof v === "string") return [k, v.toLowerCase()];
      if (vendor === "cos" && parent === "COSBucketDestination" && k === "Prefix" && typeof v === "string" && !v.endsWith("/")) return [k, `${v}/`];
      return [k, edit(v, k)];
    }));
  };
  return edit(parseXml(xml).InventoryConfiguration, "InventoryConfiguration");
}

let fake: FakeCloud;
beforeAll(async () => {
  fake = await startFakeCloud({ port: 0 });
});
afterAll(async () => fake.close());

async function walk(sample: SampleCase, xml: string): Promise<void> {
  const { world } = sample;
  fake.admin.loadSeed(fakeSeedOf(world));
  const { provider, close } = await providerFor(world);
  try {
    const args = argsOfSample(fake, world, xml);
    const { inputs, failures } = await provider.check({}, args);
    const put = await putBody(fake, world, sample.id, xml);

    if (sample.refused) {
      expect([...new Set(failures.map((f) => f.property))].sort()).toEqual([...sample.refused.provider].sort());
      const { status, code, element } = sample.refused.fake;
      expect([put.status, errorCode(put.body)]).toEqual([status, code]);
      expect(put.body).toContain(element);
      return;
    }

    expect(failures).toEqual([]);
    expect([put.status, put.body]).toEqual([200, ""]);
    const got = await getBody(fake, world, sample.id);
    expect(got.status).toBe(200);
    expect(stored(got.body, world.vendor)).toEqual(stored(xml, world.vendor));
    // The provider reads the GET as it reads the sample.
    const dialect = DIALECTS[world.vendor];
    expect(normalizeConfig(world.vendor, dialect.deserializeInventory(got.body))).toEqual(normalizeConfig(world.vendor, dialect.deserializeInventory(xml)));

    // The user's way: create from the checked inputs on a clean fake, then read: no diff.
    fake.admin.reset();
    const created = await provider.create(inputs);
    const read = await provider.read(created.id, created.outs);
    expect((await provider.diff(created.id, read.props!, inputs)).diffs).toEqual([]);
  } finally {
    await close();
  }
}

describe("the seeds' XML samples, through the provider and the fake cloud", () => {
  it.each(CASES.map((c) => [c.file, c] as const))("%s", async (_file, sample) => {
    await walk(sample, read(sample.file));
  });

  it("004-oss-put-example-incremental.xml with its masked account filled in", async () => {
    await walk(FILLED, fillMask(read(FILLED.file)));
  });

  it("the files are the samples as the seeds print them (spot checks of what makes them awkward)", () => {
    expect(read("004-oss-put-request-syntax.xml")).toContain("<Field>TransistionTime</Field>");
    expect(read("004-oss-put-example-incremental.xml")).toContain("<AccountId>12xxxxxx29</AccountId>");
    expect(read("002-obs-put-sample-request.xml").startsWith("<InventoryConfiguration>\n   <Id>test_id</Id>")).toBe(true);
  });
});
