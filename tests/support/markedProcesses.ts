/**
 * Processes found by a variable in their environment. A child inherits its parent's environment and keeps it when
 * its parent dies, so a variable set where a test starts something (a whole jest run, one `pulumi up`) finds
 * every process that descends from it: plugin hosts the pulumi CLI started in their own process groups, and
 * orphans re-parented to init. Linux only (/proc); elsewhere nothing is found.
 */
import * as fs from "node:fs";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Seconds since the process started. */
  ageSeconds: number;
  args: string;
  /** Its working directory, when readable (e.g. the test stack's folder). */
  cwd?: string;
}

const CLOCK_TICKS = 100;

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined; // gone meanwhile, or not ours to read
  }
}

function infoOf(pid: number, uptime: number): ProcessInfo | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so fields are counted after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const startTicks = Number(fields[19]);
  const args = (read(`/proc/${pid}/cmdline`) ?? "").split("\0").filter(Boolean).join(" ");
  let cwd: string | undefined;
  try {
    cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    cwd = undefined;
  }
  return { pid, ppid: Number(fields[1]), ageSeconds: Math.round(uptime - startTicks / CLOCK_TICKS), args, cwd };
}

/** Every live process (zombies excluded: they have no environment) whose environment has `name=value`. */
export function processesWith(name: string, value: string): ProcessInfo[] {
  if (!fs.existsSync("/proc/self/environ")) return [];
  const entry = `${name}=${value}`;
  const uptime = Number((read("/proc/uptime") ?? "0").split(" ")[0]);
  const found: ProcessInfo[] = [];
  for (const pid of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const environ = read(`/proc/${pid}/environ`);
    if (!environ || !environ.split("\0").includes(entry)) continue;
    const info = infoOf(Number(pid), uptime);
    if (info) found.push(info);
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no process but `except` has `name=value`; resolves with those still there after `timeoutMs`. */
export async function waitForNone(name: string, value: string, timeoutMs: number, except: (p: ProcessInfo) => boolean = () => false): Promise<ProcessInfo[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = processesWith(name, value).filter((p) => !except(p));
    if (left.length === 0 || Date.now() >= deadline) return left;
    await sleep(100);
  }
}

/**
 * SIGKILLs every process with `name=value` (but `except`), again for any that appear meanwhile, and waits until
 * they are gone. Resolves with what it killed.
 */
export async function killAllWith(name: string, value: string, except: (p: ProcessInfo) => boolean = () => false): Promise<ProcessInfo[]> {
  const killed = new Map<number, ProcessInfo>();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const left = processesWith(name, value).filter((p) => !except(p));
    if (left.length === 0) return [...killed.values()];
    if (Date.now() >= deadline) throw new Error(`processes with ${name}=${value} outlived SIGKILL: ${describeProcesses(left)}`);
    for (const p of left) {
      if (!killed.has(p.pid)) killed.set(p.pid, p);
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await sleep(50);
  }
}

/** One line per process, as `ps -o pid,ppid,etime,args` would show it. */
export function describeProcesses(processes: ProcessInfo[]): string {
  return processes.map((p) => `\n  pid ${p.pid} (parent ${p.ppid}, ${p.ageSeconds}s old${p.cwd ? `, in ${p.cwd}` : ""}): ${p.args}`).join("");
}
