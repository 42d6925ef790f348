/**
 * What the engine persists and where credentials travel: the state (inputs and outputs, `__provider` included)
 * holds no credential byte, credentials reach the provider only through Configure with the stack config, and a
 * partial failure is recorded in state so later operations still work.
 */
import { PROVIDER_KEY } from "../harness/propertyValues";
import { useScenarioStack } from "./scenarioStack";
import { VENDOR_LIST, credentialStrings, inventoryArgs } from "./vendorCases";

const s = useScenarioStack();


test("the persisted state holds __provider in inputs and outputs, the same small text every run, and no credential bytes", async () => {
  await s.engine.up(s.allVendors());
  const first = s.engine.state.resources.map((r) => r.inputs[PROVIDER_KEY]);
  await s.engine.up(s.allVendors({ schedule: { frequency: "Weekly" } }));
  await s.engine.refresh();

  const texts = new Set<unknown>();
  for (const r of s.engine.state.resources) {
    expect(typeof r.inputs[PROVIDER_KEY]).toBe("string");
    expect(r.outputs[PROVIDER_KEY]).toBe(r.inputs[PROVIDER_KEY]);
    texts.add(r.inputs[PROVIDER_KEY]);
  }
  expect(texts.size).toBe(1);
  expect(first.every((t) => texts.has(t))).toBe(true);
  const [provider] = [...texts] as string[];
  expect(Buffer.byteLength(provider)).toBeLessThan(4096);

  const persisted = s.engine.state.text();
  const logs = JSON.stringify(s.engine.engineStub.logs);
  for (const credential of credentialStrings()) {
    expect(persisted).not.toContain(credential);
    expect(s.engine.hostOutput).not.toContain(credential);
    expect(logs).not.toContain(credential);
  }
});

test("credentials reach the provider only through Configure: without them in the stack config, up fails naming the keys", async () => {
  s.engine.setConfig({});
  try {
    const program = s.program({ name: "s3-daily", args: inventoryArgs("s3", s.fake.url) });
    const preview = await s.engine.preview(program);
    expect(preview.ok).toBe(true);
    const up = await s.engine.up(program);
    expect(up.ok).toBe(false);
    expect(up.steps[0].error).toBe(
      "creating bucket inventory s3:us-east-1:photos:daily: no s3 credentials: set stack config bucket-inventory:s3AccessKeyId and " +
        "bucket-inventory:s3SecretAccessKey (pulumi config set --secret …) or environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
    );
    expect(s.engine.state.resources).toEqual([]);
  } finally {
    s.engine.setConfig(s.config);
  }
});

// A recorded failure's properties become the resource's outputs in state: they must carry `__provider`, or the
// host cannot load the provider for the resource's later Read and Delete.
test("a create whose put failed with an unknown outcome is kept in state, and refresh and destroy still work", async () => {
  const program = s.program({ name: "oss-daily", args: inventoryArgs("oss", s.fake.url, { schedule: { frequency: "Daily" } }) });
  s.fake.admin.injectFault({ match: { vendor: "oss", method: "PUT", query: "inventoryId=daily(&|$)" }, times: 1, action: { kind: "status", status: 500 } });
  const failed = await s.engine.up(program);
  expect(failed.ok).toBe(false);
  expect(failed.steps[0].error).toContain("InternalError");
  expect(s.engine.state.resources).toHaveLength(1);
  expect(typeof s.engine.state.resources[0].outputs.__provider).toBe("string");

  const refresh = await s.engine.refresh();
  expect(refresh.ok).toBe(true);
  expect(s.engine.state.resources).toEqual([]); // the put never landed: refresh finds it gone
  const destroy = await s.engine.destroy();
  expect(destroy.ok).toBe(true);
  expect(s.fake.admin.getInventoryXml("oss", "photos", "daily")).toBeUndefined();
});
