/**
 * The environment for a child process a test starts (provider host, program runner): the test runner's own,
 * without any cloud credential a developer's shell may hold (the provider reads the vendors' variables, so an
 * AWS_ACCESS_KEY_ID in the shell would change what a test sees), plus what the test sets.
 */
const CLOUD_VARIABLES = /^(AWS_|ALIBABA_CLOUD_|ALICLOUD_|TENCENTCLOUD_|HW_|HUAWEICLOUD_|OBS_|OSS_|COS_)/;

export function hermeticEnv(extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) if (!CLOUD_VARIABLES.test(name)) env[name] = value;
  return { ...env, ...extra };
}
