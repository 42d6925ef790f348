/**
 * Credentials the service refuses, through the real dynamic-provider host (issue 12, item 10, at apply time). After
 * an up with good credentials the stack config gets a wrong secret for one vendor: `refresh` (Read) and `destroy`
 * (Delete) fail naming the stack-config keys the credentials came from and what the service answered, and an `up`
 * of a change stops at its Check, saying the same; no credential byte in any message, in the state or in what the
 * engine was told. (The real engine configures refresh and destroy from the config stored at the last up, so there a
 * rotated secret in the environment is what shows this: tests/cli/refusedCredentials.test.ts.)
 */
import { CREDENTIAL_KEYS } from "../../../provider/resource/credentials";
import { secret } from "../harness/propertyValues";
import { useScenarioStack } from "./scenarioStack";
import { credentialConfig, credentialStrings, inventoryArgs, VENDOR_LIST } from "./vendorCases";

const s = useScenarioStack();
const WRONG_SECRET = "Wrong-Secret-0000-abcdef";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.each(VENDOR_LIST)("%s: refresh, destroy and an up of a change fail naming the stack config keys and the service's answer", async (vendor) => {
  const resource = (args: Record<string, unknown> = {}) => s.program({ name: `${vendor}-daily`, args: inventoryArgs(vendor, s.fake.url, args) });
  expect((await s.engine.up(resource())).ok).toBe(true);
  const keys = CREDENTIAL_KEYS[vendor].config;
  s.engine.setConfig({ ...credentialConfig({ "bucket-inventory:maxAttempts": "1" }), [`bucket-inventory:${keys.secret}`]: secret(WRONG_SECRET) });
  try {
    const source = `the service refused the ${vendor} credentials (from stack config bucket-inventory:${keys.id} and bucket-inventory:${keys.secret})`;
    const refused = `${source}: SignatureDoesNotMatch `;
    const id = s.engine.state.resources[0].id;
    const said: string[] = [];

    const refresh = await s.engine.refresh();
    expect(refresh.ok).toBe(false);
    expect(refresh.steps[0].error).toContain(`reading bucket inventory ${id}: ${refused}`);
    said.push(refresh.error ?? "");

    const destroy = await s.engine.destroy();
    expect(destroy.ok).toBe(false);
    expect(destroy.steps[0].error).toContain(`deleting bucket inventory ${id}: ${refused}`);
    expect(s.engine.state.resources.map((r) => r.id)).toEqual([id]);
    said.push(destroy.error ?? "");

    const up = await s.engine.up(resource({ schedule: { frequency: "Weekly" } }));
    expect(up.ok).toBe(false);
    // Check's live look-up is refused first, so nothing is written; preview says it the same way.
    expect(up.steps[0].failures).toEqual([{ property: "", reason: expect.stringMatching(new RegExp(`^${escape(source)}: looking up bucket .*: SignatureDoesNotMatch `)) }]);
    expect(up.calls.map((c) => c.method)).not.toContain("Update");
    said.push(JSON.stringify(up.steps[0].failures));

    const everything = [...said, JSON.stringify(s.engine.state.resources), s.engine.hostOutput, JSON.stringify(s.engine.engineStub.logs)].join("\n");
    for (const credential of [WRONG_SECRET, ...credentialStrings()]) expect(everything).not.toContain(credential);
  } finally {
    s.engine.setConfig(s.config);
  }
});
