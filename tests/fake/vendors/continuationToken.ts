import { invalidArgument } from "../errors";

/** Opaque list tokens: base64 of the last id returned (so they carry "/", "+" and "=" like the real ones). */
export function encodeToken(lastId: string): string {
  return Buffer.from(`inv:${lastId}`, "utf8").toString("base64");
}

export function decodeToken(token: string): string {
  const decoded = Buffer.from(token, "base64").toString("utf8");
  if (!decoded.startsWith("inv:") || encodeToken(decoded.slice(4)) !== token) {
    throw invalidArgument(`The continuation token "${token}" is not one this service issued.`, "continuation-token", token);
  }
  return decoded.slice(4);
}
