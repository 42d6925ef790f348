/**
 * The versioning warning as a user sees it: `pulumi preview` typed at a shell, on the consumer project (the packed
 * package installed), against the fake cloud's default seed. The provider's warning reaches the engine as a real
 * warning and comes out under "Diagnostics:" as one `warning:` line, for the unversioned source only; the preview
 * passes, and prints no credential.
 */
import { inventoryArgs } from "../engine/scenarios/vendorCases";
import { useCliStack } from "./support/cliStack";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { mainAccount } from "./support/seedCredentials";

const WARNING =
  'warning: BucketInventory oss:cn-qingdao:photos-qingdao:all-versions: includedObjectVersions: "All" has no effect yet: ' +
  'versioning of source "photos-qingdao" is not enabled; OSS: "Versioning must be enabled for this configuration to take effect"';

describeWithPulumiCli("preview warns under Diagnostics: with the pulumi CLI", (cli) => {
  const s = useCliStack(cli);

  test("versions All on photos-qingdao (versioning off): one warning line, and the preview passes", async () => {
    const allVersions = { inventoryId: "all-versions", includedObjectVersions: "All" };
    await s.declare([
      { name: "qingdao-all", args: inventoryArgs("oss", s.fake.url, { ...allVersions, region: "cn-qingdao", bucket: "photos-qingdao", destination: { bucket: "reports-qingdao" } }) },
      { name: "hangzhou-all", args: inventoryArgs("oss", s.fake.url, allVersions) },
    ]);
    const { code, stdout, stderr } = await s.run(["preview", "--color", "never"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("Diagnostics:");
    const diagnostics = stdout.slice(stdout.indexOf("Diagnostics:"));
    expect(diagnostics.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("warning: "))).toEqual([WARNING]);
    expect(stdout).not.toContain(mainAccount("oss").secretAccessKey);
  });
});
