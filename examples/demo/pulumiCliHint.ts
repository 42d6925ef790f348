/**
 * Whether a real `pulumi` CLI is on PATH, and how to run the same quick start with it against the fake cloud
 * (local file backend, credentials as secret stack config). The demo never needs the CLI; it says which path it took.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export function findPulumiCli(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, process.platform === "win32" ? "pulumi.exe" : "pulumi");
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Shell lines that run examples/quickstart with `pulumi up` against a fake cloud on port 9000. */
export function pulumiCliSteps(credentials: [key: string, value: string][]): string[] {
  return [
    "npx bucket-inventory fake-cloud --port 9000 &            # the fake cloud, default seed",
    "export PULUMI_BACKEND_URL=file://$PWD/.cache/pulumi-backend PULUMI_CONFIG_PASSPHRASE=demo",
    "mkdir -p .cache/pulumi-backend && pulumi stack init dev  # in the repository root (Pulumi.yaml runs examples/quickstart)",
    "pulumi config set bucket-inventory:endpoint http://127.0.0.1:9000",
    ...credentials.map(([key, value]) => `pulumi config set --secret ${key} ${value}`),
    "pulumi preview --diff && pulumi up --yes && pulumi refresh --yes && pulumi destroy --yes",
  ];
}
