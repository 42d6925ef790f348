import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { refuseForeignAdminRequest } from "./adminGuard";
import { handleAdminRequest } from "./adminRoutes";
import { FakeClock } from "./clock/fakeClock";
import { FakeCloudAdmin } from "./fakeCloudAdmin";
import { jsonResponse } from "./fakeResponse";
import { FaultSet } from "./faults";
import { handleCloudRequest, type CloudState } from "./handleCloudRequest";
import { InventoryScheduler } from "./reports/inventoryScheduler";
import { RequestLog } from "./requestLog";
import { RequestTracker } from "./requestTracker";
import { isAdminPath } from "./router";
import { defaultSeed, loadSeedFile, validateSeed, type Seed } from "./seed";
import { createFakeServer } from "./server";
import { FakeStore } from "./store";

export { ADMIN_PREFIX } from "./router";
export { defaultSeed, loadSeedFile, validateSeed, SeedError } from "./seed";
export type { Seed, SeedAccount, SeedBucket, Vendor } from "./seed";
export { FakeCloudAdmin, AdminError } from "./fakeCloudAdmin";
export type { RunResult } from "./fakeCloudAdmin";
export type { FaultRule, FaultAction, FaultMatch, StoredFault } from "./faults";
export type { LoggedRequest } from "./requestLog";

export interface FakeCloudOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A seed object, or the path of a seed JSON file; the default seed (tests/fake/defaultSeed.json) when absent. */
  seed?: Seed | string | unknown;
  /** Persist state here (JSON, written atomically on every change); in memory without it. */
  dataDir?: string;
  /**
   * The wall clock (default: the system's). Signatures are checked against it; the fake's world time (timestamps,
   * Date headers, the inventory schedule) starts from it and moves ahead when the admin API advances the clock.
   */
  now?: () => Date;
  /** Larger request bodies are refused with the vendor's EntityTooLarge. Default 16 MiB. */
  maxBodyBytes?: number;
  /**
   * Host names the admin API answers besides localhost and IP addresses (e.g. a docker-compose service name).
   * Other names are refused: they could be a DNS-rebinding page's.
   */
  allowedHosts?: string[];
}

export interface FakeCloud {
  /** "http://127.0.0.1:<port>". */
  url: string;
  port: number;
  admin: FakeCloudAdmin;
  /** Stops listening, cuts open connections and flushes the state to the data dir. */
  close(): Promise<void>;
}

/** Starts the fake cloud of the OSS, COS, OBS and S3 inventory APIs on one port. */
export async function startFakeCloud(options: FakeCloudOptions = {}): Promise<FakeCloud> {
  const seed = resolveSeed(options.seed);
  const clock = new FakeClock(options.now);
  const now = () => clock.now();
  const store = new FakeStore({ seed, dataDir: options.dataDir, now });
  const state: CloudState = {
    store, faults: new FaultSet(), log: new RequestLog(), now, wallNow: () => clock.wallNow(), newUuid: randomUUID,
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
    tracker: new RequestTracker(),
  };
  const scheduler = new InventoryScheduler(state);
  const admin = new FakeCloudAdmin(state, { clock, scheduler });
  const server = createFakeServer({
    maxBodyBytes: state.maxBodyBytes,
    tracker: state.tracker,
    handle: async (req) => {
      if (!isAdminPath(req.rawPath)) {
        scheduler.tickForRequest();
        const response = await handleCloudRequest(req, state);
        // The services' Date header tells their time: here the world time, which the admin API can move.
        response.headers = { date: clock.now().toUTCString(), ...response.headers };
        return response;
      }
      const refused = refuseForeignAdminRequest(req, options.allowedHosts ?? []);
      if (refused) return refused;
      if (req.bodyTooLarge) return jsonResponse(413, { error: `request body over ${state.maxBodyBytes} bytes` });
      return handleAdminRequest(req, admin);
    },
  });
  const host = options.host ?? "127.0.0.1";
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  if (!isLoopback(host)) process.stderr.write(beyondLoopbackWarning(host, port));
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    admin,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => store.close());
      return closing;
    },
  };
}

/** 127.0.0.0/8, ::1 and localhost: the addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name) || name === "::ffff:127.0.0.1";
}

function beyondLoopbackWarning(host: string, port: number): string {
  const line = "!".repeat(100);
  return [
    line,
    `!! WARNING: the fake cloud listens on ${host}:${port}, beyond loopback.`,
    "!! Anyone who can reach this machine on that port can use its admin API, which has no authentication: reset it,",
    "!! replace its seed, read its request log and inject faults (/__fake/). Its accounts' keys are in its seed.",
    "!! Use --host 127.0.0.1 (the default) unless other machines or containers must reach it.",
    line,
    "",
  ].join("\n");
}

function resolveSeed(seed: unknown): Seed {
  if (seed === undefined) return defaultSeed();
  if (typeof seed === "string") return loadSeedFile(seed);
  return validateSeed(seed, "startFakeCloud seed");
}
