import type { HttpRequest } from "../http/httpTypes";

/** Where a request names its bucket, and the rest of its path. */
export interface BucketPath {
  /** True when the bucket is the first path segment (`/photos/key`), false when it is in the host. */
  pathStyle: boolean;
  /** The object key as sent (still percent-encoded), without a leading `/`; `""` for bucket-level requests. */
  key: string;
}

/**
 * Splits `request.path` into bucket addressing and key. Path-style means the path starts with `/{bucket}` and the
 * host does not start with `{bucket}.` (so a virtual-hosted key that happens to begin with the bucket's name, and
 * a custom domain, are both read as virtual-hosted, which is what the services do).
 */
export function bucketPath(request: HttpRequest, bucket: string): BucketPath {
  const { path } = request;
  const host = (request.headers.host ?? hostOf(request.origin)).toLowerCase();
  const namesBucket = path === `/${bucket}` || path.startsWith(`/${bucket}/`);
  if (namesBucket && !host.startsWith(`${bucket.toLowerCase()}.`)) {
    return { pathStyle: true, key: path.slice(bucket.length + 2) };
  }
  return { pathStyle: false, key: path.replace(/^\//, "") };
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}
