import { InputError } from "../errors";

/**
 * RFC 3986 percent-encoding of one component: everything except `A-Z a-z 0-9 - . _ ~` becomes `%XX` (UTF-8,
 * upper-case hex). encodeURIComponent leaves `!'()*` alone, which every scheme here must encode.
 */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The same encoding applied segment by segment, so `/` stays a separator. */
export function uriEncodePath(path: string): string {
  return path.split("/").map(uriEncode).join("/");
}

/** Decodes an as-sent (percent-encoded) path; a broken escape is an input error, never a silent mis-signature. */
export function uriDecodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch (cause) {
    const error = new InputError("request.path", `"${path}" is not a valid percent-encoded path`);
    (error as { cause?: unknown }).cause = cause;
    throw error;
  }
}
