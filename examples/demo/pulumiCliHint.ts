/**
 * Which path the demo takes: the real `pulumi` CLI when `sh scripts/pulumi-cli.sh --check` can provide one (a
 * pulumi on PATH that is new enough, or the one the script built earlier), else the engine-protocol harness. The
 * check builds nothing, so a fresh machine never meets a surprise five-minute build inside the demo.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

export type CliChoice = { pathEntries: string } | { reason: string };

export function pulumiCliFromScript(projectRoot: string): CliChoice {
  if (process.env.BUCKET_INVENTORY_DEMO_PATH === "harness") return { reason: "BUCKET_INVENTORY_DEMO_PATH=harness asks for the engine-protocol path" };
  try {
    const script = path.join(projectRoot, "scripts", "pulumi-cli.sh");
    const pathEntries = execFileSync("sh", [script, "--check"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
    return pathEntries ? { pathEntries } : { reason: "scripts/pulumi-cli.sh --check printed no PATH entry" };
  } catch (error) {
    const said = String((error as { stderr?: string }).stderr ?? "").trim().split("\n").pop() ?? "";
    return { reason: said.replace(/^pulumi-cli: /, "") || "scripts/pulumi-cli.sh --check found no CLI" };
  }
}

/** The README's commands ("With the Pulumi CLI") for the same program against a fake cloud on port 9000. */
export function pulumiCliSteps(credentials: [key: string, value: string][]): string[] {
  return [
    "npx bucket-inventory fake-cloud --port 9000 &",
    "mkdir -p .pulumi-state && export PULUMI_BACKEND_URL=file://$PWD/.pulumi-state PULUMI_CONFIG_PASSPHRASE=dev",
    "pulumi stack init dev     # in the repository root: its Pulumi.yaml runs examples/quickstart",
    "pulumi config set bucket-inventory:endpoint http://127.0.0.1:9000",
    ...credentials.map(([key, value]) => `pulumi config set --secret ${key} ${value}`),
    "pulumi preview --diff && pulumi up --yes && pulumi refresh --yes && pulumi destroy --yes",
  ];
}
