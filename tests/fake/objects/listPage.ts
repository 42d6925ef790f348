import { ObjectStoreError } from "./objectStoreError";

/** Keys sort in UTF-8 byte order, as the S3 family lists them (JS string order differs above U+FFFF). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

export const MAX_KEYS_LIMIT = 1000;

/** max-keys as the services read it: default and cap 1000; a negative or fractional number is refused. */
export function normalizeMaxKeys(maxKeys: number | undefined): number {
  if (maxKeys === undefined) return MAX_KEYS_LIMIT;
  if (!Number.isInteger(maxKeys) || maxKeys < 0) {
    throw new ObjectStoreError("InvalidArgument", `maxKeys ${String(maxKeys)}: must be an integer from 0 to 1000`);
  }
  return Math.min(maxKeys, MAX_KEYS_LIMIT);
}

const TOKEN_TAG = "fake-list-v1:";

/** An opaque continuation token naming the last key or prefix returned; base64, so it carries "/", "+" and "=". */
export function encodeContinuationToken(after: string): string {
  return Buffer.from(TOKEN_TAG + after, "utf8").toString("base64");
}

export function decodeContinuationToken(token: string): string {
  const text = Buffer.from(token, "base64").toString("utf8");
  if (!text.startsWith(TOKEN_TAG) || encodeContinuationToken(text.slice(TOKEN_TAG.length)) !== token) {
    const value = JSON.stringify(token);
    throw new ObjectStoreError("InvalidArgument", `continuationToken ${value}: not a token this store issued`);
  }
  return text.slice(TOKEN_TAG.length);
}

export interface PageRequest {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  /** The marker the caller resumes after: a common prefix it already holds is not returned again. */
  startKey?: string;
}

export interface Page<T> {
  items: T[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last item or common prefix returned, when truncated. */
  last?: { item: T } | { prefix: string };
}

/**
 * One page of a listing over items already sorted and already past the marker. Items under the prefix either stay
 * items or roll up into a common prefix (the text up to the first delimiter after the prefix); both count towards
 * maxKeys, and the listing is truncated only when something is left that would have been returned.
 */
export function listPage<T>(items: readonly T[], keyOf: (item: T) => string, request: PageRequest): Page<T> {
  const page: Page<T> = { items: [], commonPrefixes: [], isTruncated: false };
  let count = 0;
  for (const item of items) {
    const key = keyOf(item);
    if (!key.startsWith(request.prefix)) continue;
    const prefix = commonPrefixOf(key, request.prefix, request.delimiter);
    if (prefix !== undefined) {
      if (request.startKey?.startsWith(prefix) || prefix === page.commonPrefixes.at(-1)) continue;
      if (count >= request.maxKeys) return { ...page, isTruncated: true };
      page.commonPrefixes.push(prefix);
      page.last = { prefix };
    } else {
      if (count >= request.maxKeys) return { ...page, isTruncated: true };
      page.items.push(item);
      page.last = { item };
    }
    count += 1;
  }
  return page;
}

function commonPrefixOf(key: string, prefix: string, delimiter: string): string | undefined {
  if (delimiter === "") return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}
