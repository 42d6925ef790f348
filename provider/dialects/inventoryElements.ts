import { ProtocolError } from "../errors";
import type {
  Frequency,
  IncludedObjectVersions,
  InventoryConfig,
  InventoryEncryption,
} from "../model/inventoryConfig";
import type { XmlParse } from "../xml/createXmlParser";
import type { XmlElement } from "../xml/xmlElement";
import { readErrorDocument } from "./serviceErrorFrom";
import type { InventoryPage, ResponseMeta } from "./dialect";

/**
 * Reading helpers all four deserializers share: the document check, scalars, and the elements every vendor
 * spells the same way (Id, IsEnabled, Schedule, IncludedObjectVersions, OptionalFields).
 */

/** Parses a success body and checks its root. A 2xx that is unreadable or carries `<Error>` may be retried. */
export function readDocument(parse: XmlParse, body: string, roots: readonly string[], meta: ResponseMeta = {}): XmlElement {
  const ok = meta.status !== undefined && meta.status >= 200 && meta.status < 300;
  let doc;
  try {
    doc = parse(body, meta.status, meta.requestId);
  } catch (error) {
    if (!(error instanceof ProtocolError) || !ok) throw error;
    throw new ProtocolError(error.message, meta.status, meta.requestId, { cause: error, retryable: true });
  }
  if (doc.rootName === "Error") {
    const e = readErrorDocument(body);
    const what = e ? `${e.code ?? ""} ${e.message ?? ""}`.trim() : "";
    throw new ProtocolError(`a ${meta.status ?? "success"} response carried an error document: ${what}`, meta.status, meta.requestId ?? e?.requestId, {
      retryable: ok,
    });
  }
  if (!roots.includes(doc.rootName)) {
    throw new ProtocolError(`response root element is ${doc.rootName}, expected ${roots.join(" or ")}`, meta.status, meta.requestId);
  }
  return doc.root;
}

/** Text of an optional child; absent and empty read the same (the builder never writes empty elements). */
export function optionalText(el: XmlElement | undefined, name: string): string | undefined {
  const text = el?.textOf(name);
  return text === undefined || text === "" ? undefined : text;
}

/** `true`/`True`/`TRUE` and the false spellings (oss2 sends Python's `True`, COS docs show both). */
export function readBoolean(el: XmlElement, name: string): boolean {
  const raw = el.requiredText(name).trim().toLowerCase();
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new ProtocolError(`response element ${el.path}.${name} is "${raw}": expected true or false`);
}

/** An optional non-negative integer (timestamps, sizes, seconds). */
export function readInteger(el: XmlElement | undefined, name: string): number | undefined {
  const raw = optionalText(el, name)?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw new ProtocolError(`response element ${el!.path}.${name} is "${raw}": expected an integer`);
  return Number(raw);
}

/** Field names in wire order; COS's documented typo `IsMultipartUpload` reads as the real field. */
export function readFields(el: XmlElement | undefined): string[] {
  return (el?.textsOf("Field") ?? [])
    .map((f) => f.trim())
    .filter((f) => f !== "")
    .map((f) => (f === "IsMultipartUpload" ? "IsMultipartUploaded" : f));
}

type CommonFields = Pick<InventoryConfig, "id" | "enabled" | "schedule" | "includedObjectVersions" | "optionalFields">;

export function readCommonFields(config: XmlElement): CommonFields {
  const schedule = config.child("Schedule");
  if (!schedule) throw new ProtocolError(`response element ${config.path}.Schedule is missing`);
  return {
    id: config.requiredText("Id").trim(),
    enabled: readBoolean(config, "IsEnabled"),
    schedule: { frequency: schedule.requiredText("Frequency").trim() as Frequency },
    includedObjectVersions: config.requiredText("IncludedObjectVersions").trim() as IncludedObjectVersions,
    optionalFields: readFields(config.child("OptionalFields")),
  };
}

/** `<Encryption>` with whichever SSE-* child is there; undefined when absent or empty. */
export function readEncryption(destination: XmlElement): InventoryEncryption | undefined {
  const enc = destination.child("Encryption");
  if (!enc || enc.isEmpty) return undefined;
  if (enc.has("SSE-KMS")) {
    const keyId = optionalText(enc.child("SSE-KMS"), "KeyId");
    return { sseKms: keyId === undefined ? {} : { keyId } };
  }
  if (enc.has("SSE-OSS")) return { sseOss: {} };
  if (enc.has("SSE-COS")) return { sseCos: {} };
  if (enc.has("SSE-S3")) return { sseS3: {} };
  return undefined;
}

/** Removes a wire prefix such as `acs:oss:::` or `arn:aws:s3:::` from a destination bucket. */
export function stripArn(value: string, pattern: RegExp): string {
  return value.trim().replace(pattern, "");
}

/** The object without its undefined members (so models compare equal however they were built). */
export function definedOnly<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = v;
  }
  return out as T;
}

/** `definedOnly`, and undefined when nothing is left (an empty Filter reads as no filter). */
export function nonEmpty<T extends object>(value: T): T | undefined {
  const kept = definedOnly(value);
  for (const _ in kept) return kept;
  return undefined;
}

/** A list page: its configurations and, when IsTruncated says more follow, the token for the next request. */
export function readInventoryPage(root: XmlElement, readConfig: (el: XmlElement) => InventoryConfig): InventoryPage {
  const configurations = root.children("InventoryConfiguration").map(readConfig);
  const truncated = optionalText(root, "IsTruncated")?.trim().toLowerCase() === "true";
  if (!truncated) return { configurations };
  const nextToken = optionalText(root, "NextContinuationToken");
  if (nextToken === undefined) {
    throw new ProtocolError(`response ${root.path} says IsTruncated but has no NextContinuationToken`);
  }
  return { configurations, nextToken };
}

/** A child container that must be there, e.g. Destination; `parent` names the place when `el` itself is missing. */
export function requiredChild(el: XmlElement | undefined, name: string, parent?: XmlElement): XmlElement {
  const child = el?.child(name);
  if (!child) throw new ProtocolError(`response element ${(el ?? parent)?.path ?? ""}.${name} is missing`);
  return child;
}
