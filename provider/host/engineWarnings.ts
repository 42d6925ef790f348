/**
 * Where the provider's warnings go by default (provider/resource/previewWarnings.ts makes the one-line, once-per-
 * process text). What the real engine shows (docs/pulumi-cli.md, "Warnings from the provider"):
 *
 * - Lines a dynamic provider writes to stderr (or stdout) appear under the stack in "Diagnostics:" as plain info
 *   lines (Automation API: severity "info#err"), whatever they say.
 * - A `Log` call with severity WARNING on the engine's own gRPC service appears as "warning: <text>", counted in the
 *   stack's warnings (Automation API: severity "warning"). The dynamic-provider host is started with the engine's
 *   address as its one argument but gives providers no logger, so this module calls that service itself, with the
 *   generated client the host has already loaded (found beside the host script: nothing is imported from
 *   @pulumi/pulumi here).
 *
 * Outside the host (unit tests, the bucket-inventory command), and should the engine not answer, a warning is a
 * "warning: " line on stderr (or where setWarningFallback in previewWarnings.ts sends them: tests read them there). The host does not tell a provider which resource a call is for, so a warning is the
 * stack's, and its text names the resource.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { createWarningSink, writeWithoutEngine, type WarningSink } from "../resource/previewWarnings";

const DEADLINE_MS = 2_000;
const SEVERITY_WARNING = 2;

export interface LineWriter {
  /** Takes one "warning: <text>\n" line. */
  write(line: string): void;
  /** Resolves when every line written so far has been delivered (or fell back to stderr). */
  settled(): Promise<void>;
}

interface EngineLog {
  log(request: unknown, options: { deadline: number }, callback: (error: Error | null) => void): void;
}

/** The engine's address when this process is Pulumi's dynamic-provider host: `<node> <host script> <address>`. */
function hostEngine(argv: readonly string[]): { script: string; address: string } | undefined {
  const [, script, address] = argv;
  if (!script || !address) return undefined;
  const host = path.join("cmd", "dynamic-provider");
  if (!script.includes(`${host}${path.sep}`) && !script.endsWith(host)) return undefined;
  return /^[\w.[\]:-]+:\d+$/.test(address) ? { script, address } : undefined;
}

function connect(script: string, address: string): { client: EngineLog; request(text: string): unknown } {
  const load = createRequire(script.endsWith(".js") ? script : path.join(script, "index.js"));
  const grpc = load("@grpc/grpc-js");
  const { EngineClient } = load("../../proto/engine_grpc_pb");
  const { LogRequest } = load("../../proto/engine_pb");
  return {
    client: new EngineClient(address, grpc.credentials.createInsecure()) as EngineLog,
    request(text: string) {
      const request = new LogRequest();
      request.setSeverity(SEVERITY_WARNING);
      request.setMessage(text);
      request.setUrn("");
      return request;
    },
  };
}

/** Inside the host, lines go to the engine as warnings; elsewhere (or when the engine does not answer) to stderr. */
export function engineLogWriter(options: { argv?: readonly string[]; stderr?: (line: string) => void } = {}): LineWriter {
  const stderr = options.stderr ?? writeWithoutEngine;
  let engine: ReturnType<typeof connect> | null | undefined;
  let pending: Promise<void> = Promise.resolve();
  const target = () => {
    if (engine === undefined) {
      const host = hostEngine(options.argv ?? process.argv);
      try {
        engine = host ? connect(host.script, host.address) : null;
      } catch {
        engine = null;
      }
    }
    return engine;
  };
  return {
    write(line) {
      const to = target();
      if (!to) return stderr(line);
      const text = line.replace(/^warning: /, "").replace(/\n$/, "");
      const sent = new Promise<void>((resolve) => {
        to.client.log(to.request(text), { deadline: Date.now() + DEADLINE_MS }, (error) => {
          if (error) stderr(line);
          resolve();
        });
      });
      pending = Promise.all([pending, sent]).then(() => undefined);
    },
    settled: () => pending,
  };
}

/** The provider's default warning sink: one line per text, once per process, to the engine when hosted. */
export function engineWarningSink(options: Parameters<typeof engineLogWriter>[0] = {}): WarningSink {
  return createWarningSink(engineLogWriter(options).write);
}
