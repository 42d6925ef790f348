/**
 * Memory of a child process as the kernel counts it (Linux /proc): VmRSS now and VmHWM, the peak resident set
 * since the process started. Read from outside, so measuring costs the measured process nothing. Elsewhere the
 * functions return undefined and the report says "not measured".
 */
import * as fs from "node:fs";

export interface MemoryReading {
  rssBytes: number;
  peakRssBytes: number;
}

function readStatusField(status: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

export function readMemory(pid: number): MemoryReading | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = readStatusField(status, "VmRSS");
    const peak = readStatusField(status, "VmHWM");
    return rss === undefined || peak === undefined ? undefined : { rssBytes: rss, peakRssBytes: peak };
  } catch {
    return undefined;
  }
}

/** Direct children of `parentPid` whose command line contains `needle` (e.g. "dynamic-provider"). */
export function findChildPids(parentPid: number, needle: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Field 4 is the parent pid; the command name (field 2) may hold spaces, so count from its closing paren.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== parentPid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
      if (cmdline.includes(needle)) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; undefined elsewhere. */
export function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds a process has used so far, summed over its threads from /proc/<pid>/task/<tid>/schedstat (time on a
 * CPU in ns): exact where /proc/<pid>/stat counts 10 ms ticks, so short batches can be compared. Falls back to the
 * ticks where schedstat is missing; undefined where neither is readable.
 */
export function readCpuSecondsPrecise(pid: number): number | undefined {
  try {
    let ns = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    }
    return ns / 1e9;
  } catch {
    return readCpuSeconds(pid);
  }
}

/**
 * CPU seconds of this process's children that have ended and been waited for (and of theirs, when they waited in
 * turn): /proc/self/stat cutime + cstime. Around a command that runs to its end, the delta is the CPU of its whole
 * process tree (the pulumi CLI, its language host, the program, the provider host).
 */
export function readChildrenCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // cutime and cstime are fields 16 and 17 of the whole line, 14 and 15 after the command name.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** Every process whose command line contains `needle` and whose working directory is `cwd` (Linux /proc). */
export function findProcesses(needle: string, cwd: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    try {
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(needle)) continue;
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === cwd) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}
