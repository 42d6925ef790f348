import type { Agent } from "undici";

let agentClass: typeof Agent | undefined;

/**
 * undici's Agent class, loaded on first use from its own module. The package's index loads everything undici
 * offers (fetch, WebSocket, EventSource, caches, mocks, proxies): ~4× the start-up of the Agent alone, for a
 * provider that only dispatches requests. It is the very class the index exports (a unit test checks).
 */
export function undiciAgent(): typeof Agent {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  agentClass ??= require("undici/lib/dispatcher/agent") as typeof Agent;
  return agentClass;
}
