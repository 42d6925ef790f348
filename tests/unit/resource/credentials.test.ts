import {
  credentialSource, credentialsFor, readStackConfig, requireCredentials, retrySettings,
} from "../../../provider/resource/credentials";
import { ConfigError } from "../../../provider/errors";

const stack = (values: Record<string, string>) => readStackConfig({ get: (key: string) => values[key] });

describe("credentials: where they come from", () => {
  it("reads each vendor's environment variables", () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: "oss-id", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "oss-secret", ALIBABA_CLOUD_SECURITY_TOKEN: "oss-token",
      TENCENTCLOUD_SECRET_ID: "cos-id", TENCENTCLOUD_SECRET_KEY: "cos-secret",
      HW_ACCESS_KEY: "obs-id", HW_SECRET_KEY: "obs-secret", HW_SECURITY_TOKEN: "obs-token",
      AWS_ACCESS_KEY_ID: "s3-id", AWS_SECRET_ACCESS_KEY: "s3-secret", AWS_SESSION_TOKEN: "s3-token",
    };
    expect(credentialSource({}, env)).toEqual({
      oss: { accessKeyId: "oss-id", secretAccessKey: "oss-secret", securityToken: "oss-token" },
      cos: { accessKeyId: "cos-id", secretAccessKey: "cos-secret" },
      obs: { accessKeyId: "obs-id", secretAccessKey: "obs-secret", securityToken: "obs-token" },
      s3: { accessKeyId: "s3-id", secretAccessKey: "s3-secret", securityToken: "s3-token" },
    });
  });

  it("reads each vendor's stack config keys", () => {
    const config = stack({
      "bucket-inventory:ossAccessKeyId": "a", "bucket-inventory:ossAccessKeySecret": "b", "bucket-inventory:ossSecurityToken": "t",
      "bucket-inventory:cosSecretId": "c", "bucket-inventory:cosSecretKey": "d", "bucket-inventory:cosSessionToken": "u",
      "bucket-inventory:obsAccessKey": "e", "bucket-inventory:obsSecretKey": "f", "bucket-inventory:obsSecurityToken": "v",
      "bucket-inventory:s3AccessKeyId": "g", "bucket-inventory:s3SecretAccessKey": "h", "bucket-inventory:s3SessionToken": "w",
    });
    expect(credentialSource(config, {})).toEqual({
      oss: { accessKeyId: "a", secretAccessKey: "b", securityToken: "t" },
      cos: { accessKeyId: "c", secretAccessKey: "d", securityToken: "u" },
      obs: { accessKeyId: "e", secretAccessKey: "f", securityToken: "v" },
      s3: { accessKeyId: "g", secretAccessKey: "h", securityToken: "w" },
    });
  });

  it("prefers stack config over the environment, as a whole set (no mixing of id, secret and token)", () => {
    const config = stack({ "bucket-inventory:s3AccessKeyId": "from-config", "bucket-inventory:s3SecretAccessKey": "config-secret" });
    const env = { AWS_ACCESS_KEY_ID: "from-env", AWS_SECRET_ACCESS_KEY: "env-secret", AWS_SESSION_TOKEN: "env-token" };
    expect(credentialsFor("s3", config, env)).toEqual({ accessKeyId: "from-config", secretAccessKey: "config-secret" });
  });

  it("falls back to the environment when stack config has nothing for the vendor", () => {
    const config = stack({ "bucket-inventory:ossAccessKeyId": "x", "bucket-inventory:ossAccessKeySecret": "y" });
    expect(credentialsFor("s3", config, { AWS_ACCESS_KEY_ID: "e", AWS_SECRET_ACCESS_KEY: "s" })).toEqual({ accessKeyId: "e", secretAccessKey: "s" });
  });

  it("names the missing half of a pair, never a value", () => {
    const config = stack({ "bucket-inventory:cosSecretId": "AKIDsentinel" });
    expect(() => credentialsFor("cos", config, {})).toThrow(
      new ConfigError("cos credentials: stack config key bucket-inventory:cosSecretId is set but bucket-inventory:cosSecretKey is not; set both"),
    );
    expect(() => credentialsFor("obs", {}, { HW_SECRET_KEY: "sentinel-secret" })).toThrow(
      "obs credentials: environment variable HW_SECRET_KEY is set but HW_ACCESS_KEY is not; set both",
    );
    expect(credentialSource(config, {})).toEqual({});
  });

  it("says where to put credentials when there are none", () => {
    expect(() => requireCredentials("oss", {}, {})).toThrow(
      "no oss credentials: set stack config bucket-inventory:ossAccessKeyId and bucket-inventory:ossAccessKeySecret " +
        "(pulumi config set --secret …) or environment variables ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    );
  });

  it.each([
    ["a line break (a wrapped STS token)", "FwoGZXIvYXdzEN\nr//////////wEaDOUiuC", /contains a line break \(a wrapped paste\?\)/],
    ["a carriage return and line feed", "FwoGZXIvYXdzEN\r\nrUiuC", /contains a line break/],
    ["a control character", "FwoGZXIvYXdz\u0007EN", /contains a control character/],
    ["a non-ASCII character", "FwoGZXIvYXdz\u00a0EN", /outside printable ASCII/],
    ["a space inside", "FwoGZXIvYXdz EN", /contains a space or tab/],
  ])("refuses a value with %s when it is read, naming the key or variable and never the value", (_what, value, reason) => {
    const sentinel = value.replace("FwoGZXIvYXdz", "SENTINELTOKEN");
    const config = stack({ "bucket-inventory:s3AccessKeyId": "id", "bucket-inventory:s3SecretAccessKey": "secret", "bucket-inventory:s3SessionToken": sentinel });
    const fromConfig = (() => { try { credentialsFor("s3", config, {}); } catch (e) { return e; } })() as Error;
    expect(fromConfig).toBeInstanceOf(ConfigError);
    expect(fromConfig.message).toMatch(/^s3 credentials: stack config key bucket-inventory:s3SessionToken /);
    expect(fromConfig.message).toMatch(reason);
    const env = { AWS_ACCESS_KEY_ID: "id", AWS_SECRET_ACCESS_KEY: sentinel };
    const fromEnv = (() => { try { requireCredentials("s3", {}, env); } catch (e) { return e; } })() as Error;
    expect(fromEnv).toBeInstanceOf(ConfigError);
    expect(fromEnv.message).toMatch(/^s3 credentials: environment variable AWS_SECRET_ACCESS_KEY /);
    for (const error of [fromConfig, fromEnv]) expect(`${error.message}\n${error.stack}`).not.toMatch(/SENTINEL/);
  });

  it("trims edge whitespace (a trailing newline from `echo`) without complaint", () => {
    expect(credentialsFor("s3", {}, { AWS_ACCESS_KEY_ID: " id\n", AWS_SECRET_ACCESS_KEY: "secret\r\n" })).toEqual({ accessKeyId: "id", secretAccessKey: "secret" });
  });

  it("ignores empty values", () => {
    expect(credentialsFor("s3", stack({ "bucket-inventory:s3AccessKeyId": "" }), { AWS_ACCESS_KEY_ID: " ", AWS_SECRET_ACCESS_KEY: "" })).toBeUndefined();
  });
});

describe("retry settings from stack config", () => {
  it("reads positive whole numbers", () => {
    const config = stack({ "bucket-inventory:maxAttempts": "5", "bucket-inventory:requestTimeoutMs": "2000", "bucket-inventory:totalTimeoutMs": "9000" });
    expect(retrySettings(config)).toEqual({ timeoutMs: 2000, retry: { maxAttempts: 5, totalTimeoutMs: 9000 } });
    expect(retrySettings({})).toEqual({ timeoutMs: undefined, retry: {} });
  });

  it("refuses anything else, naming key and value", () => {
    expect(() => retrySettings(stack({ "bucket-inventory:maxAttempts": "0" }))).toThrow('stack config bucket-inventory:maxAttempts: "0" is not a positive whole number');
    expect(() => retrySettings(stack({ "bucket-inventory:totalTimeoutMs": "fast" }))).toThrow(ConfigError);
  });
});
