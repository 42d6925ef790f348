/**
 * Credentials the service refuses under the real CLI (issue 12, item 10, at apply time). The stack is deployed with
 * S3 credentials from the environment; then the secret in the environment is wrong, as after a rotation in CI.
 * `pulumi refresh` (Read) and `pulumi destroy` (Delete) fail saying what they were doing, that the service refused
 * the credentials from environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, and what it answered;
 * `pulumi up` stops at its preview with the same. No secret is printed. (Stack config credentials are stored in the
 * state at each up and refresh and destroy use those: see tests/engine/scenarios/refusedCredentials.test.ts.)
 */
import { inventoryArgs } from "../engine/scenarios/vendorCases";
import { useCliStack } from "./support/cliStack";
import { describeWithPulumiCli } from "./support/pulumiCli";
import { mainAccount } from "./support/seedCredentials";

const WRONG_SECRET = "Wrong-Secret-0000-abcdef";

describeWithPulumiCli("credentials the service refuses, under the pulumi CLI", (cli) => {
  const s = useCliStack(cli, { credentials: false });

  test("refresh, destroy and up name the environment variables and the service's answer, and print no secret", async () => {
    const account = mainAccount("s3");
    Object.assign(s.env, { AWS_ACCESS_KEY_ID: account.accessKeyId, AWS_SECRET_ACCESS_KEY: account.secretAccessKey });
    await s.declare([{ name: "s3-daily", args: inventoryArgs("s3", s.fake.url) }]);
    expect((await s.run(["up", "--yes"])).code).toBe(0);

    s.env.AWS_SECRET_ACCESS_KEY = WRONG_SECRET;
    const source = "the service refused the s3 credentials (from environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)";
    const refresh = await s.run(["refresh", "--yes"]);
    expect(refresh.code).not.toBe(0);
    expect(refresh.stdout).toContain(`reading bucket inventory s3:us-east-1:photos:daily: ${source}: SignatureDoesNotMatch The request signature`);
    const destroy = await s.run(["destroy", "--yes"]);
    expect(destroy.code).not.toBe(0);
    expect(destroy.stdout).toContain(`deleting bucket inventory s3:us-east-1:photos:daily: ${source}: SignatureDoesNotMatch The request signature`);
    const up = await s.run(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    expect(up.stdout).toContain(`${source}: looking up bucket s3:us-east-1:photos: SignatureDoesNotMatch`);

    expect(s.fake.admin.getInventoryXml("s3", "photos", "daily")).toContain("<Id>daily</Id>");
    for (const printed of [refresh, destroy, up].flatMap((r) => [r.stdout, r.stderr])) {
      expect(printed).not.toContain(WRONG_SECRET);
      expect(printed).not.toContain(account.secretAccessKey);
    }
  });
});
