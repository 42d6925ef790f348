/**
 * Scenario 5, secrets under the real CLI: credentials set with `pulumi config set --secret` (as the README says)
 * and a `pulumi.secret(...)` argument. Neither the state (`pulumi stack export`), nor the stack config file, nor
 * anything the CLI printed holds a credential byte or the secret argument in clear, and the secret argument's
 * output stays secret, also after a refresh.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { inventoryArgs } from "../engine/scenarios/vendorCases";
import { useCliStack } from "./support/cliStack";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { allSeedCredentialStrings, seedCredentials } from "./support/seedCredentials";

const KMS_KEY = "kms-key-7f3a9c1e-not-for-reviewers";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

describeWithPulumiCli("secrets under the pulumi CLI", (cli) => {
  const s = useCliStack(cli, { credentials: false });
  const printed: string[] = [];
  const leaks = (text: string) => [...allSeedCredentialStrings(), KMS_KEY].filter((needle) => text.includes(needle));
  /** `pulumi stack export` as a user types it (Automation API's exportStack() adds --show-secrets). */
  const exportStack = async () => {
    const exported = await s.run(["stack", "export"]);
    expect(exported.code).toBe(0);
    return { text: exported.stdout, deployment: JSON.parse(exported.stdout).deployment as { resources: { urn: string; inputs: Record<string, any>; outputs: Record<string, any> }[] } };
  };

  test("pulumi config set --secret keeps the credentials encrypted in the stack config file", async () => {
    for (const { key, value } of seedCredentials(["oss", "s3"])) {
      const set = await s.run(["config", "set", "--secret", key, value]);
      expect(set.code).toBe(0);
      printed.push(set.stdout, set.stderr);
    }
    const configFile = fs.readFileSync(path.join(s.workDir, `Pulumi.${s.stack.name}.yaml`), "utf8");
    expect(configFile).toContain("bucket-inventory:ossAccessKeyId:\n    secure: ");
    expect(leaks(configFile)).toEqual([]);
  });

  test("up with a pulumi.secret argument: the state holds no credential and the argument only encrypted", async () => {
    const args = inventoryArgs("oss", s.fake.url, { destinationEncryption: { sseKms: { keyId: KMS_KEY } } });
    await s.declare([
      { name: "oss-secret-destination", args, secretArgs: ["destination"] },
      { name: "s3-daily", args: inventoryArgs("s3", s.fake.url) },
    ], { secret: true }); // the program's source of the value: secret config, as a user would keep it
    const preview = await s.stack.preview({ diff: true });
    const up = await s.stack.up({ diff: true });
    expect(up.summary.result).toBe("succeeded");
    printed.push(preview.stdout, preview.stderr, up.stdout, up.stderr);
    // The fake received the key id (it is the configuration), the state keeps it encrypted.
    expect(s.fake.admin.getInventoryXml("oss", "photos", "daily")).toContain(KMS_KEY);

    const exported = await exportStack();
    expect(leaks(exported.text)).toEqual([]);
    const resource = exported.deployment.resources.find((r) => r.urn.endsWith("oss-secret-destination"))!;
    expect(resource.inputs.destination[`4dabf18193072939515e22adb298388d`]).toBe(SECRET_SIG);
    expect(resource.outputs.destination[`4dabf18193072939515e22adb298388d`]).toBe(SECRET_SIG);
    expect(preview.stdout).toContain("[secret]");
  });

  test("after refresh the output is still secret, and nothing the CLI printed leaked", async () => {
    const refresh = await s.stack.refresh({ expectNoChanges: true });
    printed.push(refresh.stdout, refresh.stderr);
    const exported = await exportStack();
    const resource = exported.deployment.resources.find((r) => r.urn.endsWith("oss-secret-destination"))!;
    expect(resource.outputs.destination[`4dabf18193072939515e22adb298388d`]).toBe(SECRET_SIG);
    expect(leaks(exported.text)).toEqual([]);
    const destroy = await s.stack.destroy();
    printed.push(destroy.stdout, destroy.stderr);
    expect(leaks(printed.join("\n"))).toEqual([]);
  });
});
