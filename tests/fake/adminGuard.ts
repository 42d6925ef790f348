import type { FakeRequest } from "./fakeRequest";
import { jsonResponse, type FakeResponse } from "./fakeResponse";

/**
 * The admin API is unsigned: it must answer only the developer's own tools, never a web page they happen to open.
 * A page can reach it two ways. Cross-site: a form or fetch to http://127.0.0.1:<port>/__fake/reset; the browser
 * marks those with Origin (every non-GET request) and Sec-Fetch-Site. DNS rebinding: a page on a name that is made to
 * resolve to 127.0.0.1, whose requests then look same-origin but carry that name in Host. So an admin request is
 * refused when it carries Origin or a Sec-Fetch-Site other than "none" (typed in the address bar), or when its Host
 * is a name other than localhost (an IP address cannot be rebound) and not one the fake was told to allow.
 */
export function refuseForeignAdminRequest(req: FakeRequest, allowedHosts: readonly string[]): FakeResponse | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    return refuse(`admin requests from a browser page are refused (Origin: ${JSON.stringify(origin.slice(0, 100))}): the admin API answers tools, not web pages`);
  }
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "none") {
    return refuse(`admin requests a browser page sends are refused (Sec-Fetch-Site: ${JSON.stringify(site.slice(0, 40))}): the admin API answers tools, not web pages`);
  }
  if (!isTrustedHost(req.host, allowedHosts)) {
    return refuse(
      `admin requests addressed to ${JSON.stringify(req.host.slice(0, 100))} are refused: the Host must be localhost or an IP address ` +
        "(a name could be a DNS-rebinding page's); start the fake cloud with --allow-host <name> (allowedHosts) to accept that name",
    );
  }
  return undefined;
}

/** localhost and its subdomains, IPv4 and bracketed IPv6 literals, and the names allowed at start. */
export function isTrustedHost(host: string, allowedHosts: readonly string[]): boolean {
  const name = host.toLowerCase();
  if (name === "localhost" || name.endsWith(".localhost")) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name) || /^\[[0-9a-f:.]+\]$/.test(name)) return true;
  return allowedHosts.some((allowed) => allowed.toLowerCase() === name);
}

function refuse(message: string): FakeResponse {
  return jsonResponse(403, { error: message });
}
