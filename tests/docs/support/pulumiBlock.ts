/**
 * Runs a documentation block of shell commands with the real pulumi CLI, as a user types them into a Pulumi
 * project: here a project in the consumer folder (the package installed from `npm pack`) whose program is the
 * README's, a fresh stack on a local file backend, a passphrase, no update checks and no confirmations
 * (PULUMI_SKIP_CONFIRMATIONS stands for the user answering "yes").
 *
 * What the test adds to the user's commands, and nothing else: `substitutions` (placeholders such as `<id>`, or a
 * fixed port the machine may have taken), a wait after each `… &` line for the first line the command prints (the
 * documented readiness signal), and the end of every background command when the block is done.
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "./docBlocks";

/** PATH entries holding a ready pulumi CLI (scripts/pulumi-cli.sh --check), or undefined when there is none. */
export function pulumiCliPath(): string | undefined {
  try {
    return execFileSync("sh", [path.join(ROOT, "scripts", "pulumi-cli.sh"), "--check"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

export interface PulumiBlockRun {
  projectDir: string;
  /** The script as run, for failure messages. */
  script: string;
  stdout: string;
}

/** A Pulumi project `name` in the consumer folder with `program` as index.ts, and a stack `dev`. */
function newProject(consumerDir: string, name: string, program: string, env: NodeJS.ProcessEnv): string {
  const dir = path.join(consumerDir, "doc-blocks", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`);
  fs.writeFileSync(path.join(dir, "index.ts"), program);
  execFileSync("pulumi", ["stack", "init", "dev", "--non-interactive"], { cwd: dir, env, stdio: "ignore" });
  return dir;
}

function scriptOf(commands: string[], substitutions: Record<string, string>, scratchDir: string): string {
  // Job control gives each background command its own process group, so ending it ends its children (npx's node).
  const lines = ["set -em", "trap 'for job in $(jobs -p); do kill -- -$job 2>/dev/null || true; done' EXIT"];
  commands.forEach((command, i) => {
    let line = command;
    for (const [from, to] of Object.entries(substitutions)) line = line.split(from).join(to);
    const background = /&\s*$/.exec(line);
    if (!background) return lines.push(line);
    const out = path.join(scratchDir, `background-${i}.out`);
    lines.push(
      `${line.slice(0, background.index).trim()} > "${out}" 2> "${out}.err" &`,
      `for wait in $(seq 300); do [ -s "${out}" ] && break; sleep 0.1; done`,
      `[ -s "${out}" ] || { echo "no output from: ${command}" >&2; cat "${out}.err" >&2; exit 1; }`,
    );
  });
  return lines.join("\n");
}

/**
 * Runs `commands` in a new project with `program`, after `prepare` (stack config the block takes for granted).
 * `after` lines run last, before the background commands end (to read what they served). Rejects when one fails.
 */
export async function runPulumiBlock(options: {
  consumerDir: string;
  name: string;
  program: string;
  commands: string[];
  cliPath: string;
  substitutions?: Record<string, string>;
  prepare?: string[];
  after?: string[];
}): Promise<PulumiBlockRun> {
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), "doc-pulumi-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [options.cliPath, path.join(options.consumerDir, "node_modules", ".bin"), path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
    PULUMI_HOME: path.join(scratchDir, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(scratchDir, "state")}`,
    PULUMI_CONFIG_PASSPHRASE: "doc-test",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
  };
  fs.mkdirSync(path.join(scratchDir, "state"));
  try {
    const projectDir = newProject(options.consumerDir, options.name, options.program, env);
    const script = scriptOf([...(options.prepare ?? []), ...options.commands, ...(options.after ?? [])], options.substitutions ?? {}, scratchDir);
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile("bash", ["-c", script], { cwd: projectDir, env, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 }, (error, out, err) =>
        error ? reject(new Error(`the block failed (${error.message}):\n${script}\n--- stdout\n${out}\n--- stderr\n${err}`)) : resolve(out));
    });
    return { projectDir, script, stdout };
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}
