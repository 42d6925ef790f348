/**
 * `bucket-inventory fake-cloud --port <n|0> [--seed <file.json>] [--data-dir <dir>] [--host <addr>]
 * [--allow-host <name,...>]`: serves the local fake cloud. When ready it prints exactly one JSON line,
 * {"url":"http://127.0.0.1:<port>"}, on stdout; it serves until SIGTERM or SIGINT, then flushes its state and exits 0.
 * A --host beyond loopback is warned about on stderr.
 */
const USAGE =
  "usage: bucket-inventory fake-cloud --port <n|0> [--seed <file.json>] [--data-dir <dir>] [--host <address>] [--allow-host <name,...>]";

interface FakeCloudArgs {
  port: number;
  seed?: string;
  dataDir?: string;
  host?: string;
  allowedHosts?: string[];
}

export async function run(argv: string[]): Promise<number | undefined> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  let args: FakeCloudArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`bucket-inventory fake-cloud: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let fake;
  try {
    // Loaded here, not at the top: usage errors and --help answer without loading the fake.
    const { startFakeCloud } = await import("../tests/fake/index");
    fake = await startFakeCloud({ port: args.port, seed: args.seed, dataDir: args.dataDir, host: args.host, allowedHosts: args.allowedHosts });
  } catch (error) {
    console.error(`bucket-inventory fake-cloud: ${(error as Error).message}`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
  await untilSignal(["SIGTERM", "SIGINT"]);
  await fake.close();
  return 0;
}

function parseArgs(argv: string[]): FakeCloudArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (!["--port", "--seed", "--data-dir", "--host", "--allow-host"].includes(flag)) throw new Error(`unknown option "${argv[i]}"`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") throw new Error(`${flag} needs a value`);
    values.set(flag, value);
  }
  const portText = values.get("--port") ?? "0";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`--port "${portText}": must be an integer from 0 to 65535`);
  const allowedHosts = values.get("--allow-host")?.split(",").map((h) => h.trim()).filter(Boolean);
  return { port, seed: values.get("--seed"), dataDir: values.get("--data-dir"), host: values.get("--host"), allowedHosts };
}

function untilSignal(signals: NodeJS.Signals[]): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      for (const s of signals) process.off(s, stop);
      resolve();
    };
    for (const s of signals) process.on(s, stop);
  });
}
