/**
 * Tests that start the provider host or a program must not hand it the developer's cloud credentials: with
 * AWS_ACCESS_KEY_ID set in the shell, the provider would find S3 credentials a test meant it not to have.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hermeticEnv } from "../../support/hermeticEnv";

test("every vendor's credential variables are dropped; the rest is kept; what the test sets wins", () => {
  const shell = {
    PATH: "/usr/bin", HOME: "/home/dev", AWS_ACCESS_KEY_ID: "AKIADEV", AWS_SECRET_ACCESS_KEY: "s", AWS_SESSION_TOKEN: "t", AWS_PROFILE: "dev",
    ALIBABA_CLOUD_ACCESS_KEY_ID: "a", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "b", TENCENTCLOUD_SECRET_ID: "c", TENCENTCLOUD_SECRET_KEY: "d",
    HW_ACCESS_KEY: "e", HW_SECRET_KEY: "f", HW_SECURITY_TOKEN: "g",
  };
  expect(hermeticEnv({ HW_ACCESS_KEY: "from-test", PULUMI_X: "1" }, shell)).toEqual({ PATH: "/usr/bin", HOME: "/home/dev", HW_ACCESS_KEY: "from-test", PULUMI_X: "1" });
});

test("no engine test starts a child process with the runner's environment as it is", () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(entry.name) && /env:\s*\{\s*\.\.\.process\.env/.test(readFileSync(path, "utf8"))) offenders.push(path);
    }
  };
  walk(join(__dirname, "..", "..", "engine"));
  expect(offenders).toEqual([]);
});
