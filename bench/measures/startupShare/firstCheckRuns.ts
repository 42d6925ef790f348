/** Runs firstCheckChild.js in fresh node processes and reads what each printed. */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import type { Vendor } from "../../../provider/model/inventoryConfig";
import { CREDENTIAL_CONFIG_KEYS, credentialsOf, sampleArgs } from "../../support/benchVendors";

const run = promisify(execFile);

export interface FirstCheck {
  /** Our share: from requiring the provider until the first check answered. */
  cpuMs: number;
  wallMs: number;
  /** What the host itself spent loading its modules before ours, in the same process. */
  hostCpuMs: number;
  failures: unknown[];
  /** Module files our share loaded, relative to the project. */
  modules: string[];
}

export interface FirstCheckPlan {
  projectRoot: string;
  fakeUrl: string;
  vendor: Vendor;
  /** The floor: the same process, requiring nothing. */
  nothing?: boolean;
  /**
   * Where the provider's own compile cache goes (TMPDIR of the child: it enables the cache without a directory);
   * without it the cache is turned off (NODE_DISABLE_COMPILE_CACHE).
   */
  compileCacheTmp?: string;
}

export async function firstCheck(plan: FirstCheckPlan): Promise<FirstCheck> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-first-check-"));
  try {
    const [idKey, secretKey] = CREDENTIAL_CONFIG_KEYS[plan.vendor];
    const { accessKeyId, secretAccessKey } = credentialsOf(plan.vendor);
    const request = {
      nothing: plan.nothing === true,
      config: { [`bucket-inventory:${idKey}`]: accessKeyId, [`bucket-inventory:${secretKey}`]: secretAccessKey },
      inputs: sampleArgs(plan.vendor, "bench-first-check", plan.fakeUrl),
    };
    const file = path.join(dir, "request.json");
    fs.writeFileSync(file, JSON.stringify(request));
    const args = [path.join(__dirname, "firstCheckChild.js"), plan.projectRoot, file];
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_COMPILE_CACHE;
    if (plan.compileCacheTmp) env.TMPDIR = plan.compileCacheTmp;
    else env.NODE_DISABLE_COMPILE_CACHE = "1";
    const { stdout } = await run(process.execPath, args, { cwd: plan.projectRoot, timeout: 120_000, env });
    const result = JSON.parse(stdout.trim().split("\n").pop() ?? "") as FirstCheck;
    if (result.failures.length > 0) throw new Error(`the first check failed: ${JSON.stringify(result.failures).slice(0, 300)}`);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
