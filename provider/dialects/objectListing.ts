import { ProtocolError } from "../errors";
import { createXmlParser } from "../xml/createXmlParser";
import type { ResponseMeta } from "./dialect";
import type { ObjectPage } from "./objectDialect";

const parse = createXmlParser();

/**
 * The ListBucketResult all four vendors share (ListObjects v1 and v2). The next page starts from
 * NextContinuationToken (v2), else NextMarker, else the last key or prefix returned (v1 without a delimiter
 * sends no NextMarker); a truncated page that names no way on is refused rather than looped on.
 */
export function deserializeObjectListing(body: string, meta: ResponseMeta = {}): ObjectPage {
  const { rootName, root } = parse(body, meta.status, meta.requestId);
  if (rootName !== "ListBucketResult") {
    throw new ProtocolError(`expected a ListBucketResult document, got <${rootName}>`, meta.status, meta.requestId);
  }
  const objects = root.children("Contents").map((c) => {
    const size = Number(c.requiredText("Size"));
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new ProtocolError(`listing entry ${c.textOf("Key")}: Size "${c.textOf("Size")}" is not a byte count`, meta.status, meta.requestId);
    }
    return {
      key: c.requiredText("Key"),
      size,
      etag: (c.textOf("ETag") ?? "").trim().replace(/^"|"$/g, ""),
      lastModified: (c.textOf("LastModified") ?? "").trim(),
    };
  });
  const commonPrefixes = root.children("CommonPrefixes").map((p) => p.requiredText("Prefix"));
  const page: ObjectPage = { objects, commonPrefixes };
  if (root.textOf("IsTruncated")?.trim().toLowerCase() !== "true") return page;
  const last = [objects.at(-1)?.key, commonPrefixes.at(-1)].filter((k): k is string => k !== undefined).sort().at(-1);
  const next = nonBlank(root.textOf("NextContinuationToken")) ?? nonBlank(root.textOf("NextMarker")) ?? last;
  if (next === undefined) {
    throw new ProtocolError("a truncated object listing named no continuation token or marker", meta.status, meta.requestId);
  }
  return { ...page, nextToken: next };
}

function nonBlank(text: string | undefined): string | undefined {
  return text !== undefined && text.trim() !== "" ? text : undefined;
}
