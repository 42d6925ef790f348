/** `bucket-inventory <command> [options]`: one module per subcommand, each exporting `run(argv)`. */

type Command = { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number | undefined> }> };

const COMMANDS: Record<string, Command> = {
  "fake-cloud": {
    summary: "serve the local fake cloud (OSS, COS, OBS, S3 inventory APIs) until SIGTERM/SIGINT",
    load: async () => import("./fakeCloudCommand"),
  },
  report: {
    summary: "check that inventory reports arrive and are intact (manifest, checksum, data files, freshness)",
    load: async () => import("./reportCommand"),
  },
  import: {
    summary: "read live inventory configurations and print BucketInventory declarations for them",
    load: async () => import("./importCommand"),
  },
  drift: {
    summary: "compare a stack's exported state with the live buckets: drifted, gone and unmanaged configurations",
    load: async () => import("./driftCommand"),
  },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return ["usage: bucket-inventory <command> [options]", "", "commands:", ...lines].join("\n");
}

export async function main(argv: string[]): Promise<number | undefined> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`bucket-inventory: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}
