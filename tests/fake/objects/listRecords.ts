import {
  compareKeys,
  decodeContinuationToken,
  encodeContinuationToken,
  listPage,
  normalizeMaxKeys,
  type PageRequest,
} from "./listPage";
import {
  versionLabel,
  type ListObjectsOptions,
  type ListObjectsResult,
  type ListVersionsOptions,
  type ListVersionsResult,
  type ObjectRecord,
} from "./objectRecord";

/**
 * ListObjects v1 (marker) and v2 (startAfter, continuation token; the token wins) over a bucket's records, by key
 * and newest first: only current objects, a latest delete marker hides its key.
 */
export function listCurrentObjects(all: readonly ObjectRecord[], options: ListObjectsOptions): ListObjectsResult {
  const start = options.continuationToken !== undefined
    ? decodeContinuationToken(options.continuationToken)
    : (options.startAfter ?? options.marker);
  const current = all.filter((r) => r.isLatest && !r.isDeleteMarker);
  const items = start === undefined ? current : current.filter((r) => compareKeys(r.key, start) > 0);
  const page = listPage(items, (r) => r.key, pageRequest(options, start));
  const result: ListObjectsResult = {
    objects: page.items,
    commonPrefixes: page.commonPrefixes,
    isTruncated: page.isTruncated,
    keyCount: page.items.length + page.commonPrefixes.length,
  };
  if (page.isTruncated && page.last) {
    result.nextMarker = "item" in page.last ? page.last.item.key : page.last.prefix;
    result.nextContinuationToken = encodeContinuationToken(result.nextMarker);
  }
  return result;
}

/** ListObjectVersions over the same records: every version and delete marker, paged by key and version id. */
export function listAllVersions(all: readonly ObjectRecord[], options: ListVersionsOptions): ListVersionsResult {
  const items = all.slice(versionListStart(all, options.keyMarker, options.versionIdMarker));
  const page = listPage(items, (r) => r.key, pageRequest(options, options.keyMarker));
  const result: ListVersionsResult = {
    versions: page.items,
    commonPrefixes: page.commonPrefixes,
    isTruncated: page.isTruncated,
  };
  if (page.isTruncated && page.last) {
    if ("item" in page.last) {
      result.nextKeyMarker = page.last.item.key;
      result.nextVersionIdMarker = versionLabel(page.last.item);
    } else {
      result.nextKeyMarker = page.last.prefix;
    }
  }
  return result;
}

/**
 * Where a version listing resumes: after (keyMarker, versionIdMarker), or, with no version id marker or one that
 * no longer exists, after every version of keyMarker.
 */
function versionListStart(all: readonly ObjectRecord[], keyMarker?: string, versionIdMarker?: string): number {
  if (keyMarker === undefined) return 0;
  if (versionIdMarker !== undefined) {
    const at = all.findIndex((r) => r.key === keyMarker && versionLabel(r) === versionIdMarker);
    if (at >= 0) return at + 1;
  }
  const next = all.findIndex((r) => compareKeys(r.key, keyMarker) > 0);
  return next < 0 ? all.length : next;
}

function pageRequest(options: ListVersionsOptions | ListObjectsOptions, startKey?: string): PageRequest {
  return {
    prefix: options.prefix ?? "",
    delimiter: options.delimiter ?? "",
    maxKeys: normalizeMaxKeys(options.maxKeys),
    startKey,
  };
}
