import { ManifestError, type ManifestFile } from "./reportLayout";

/** Joins key parts with "/", dropping empty parts and the slashes a destination prefix may end with. */
export function keyPath(...parts: (string | undefined)[]): string {
  return parts.map((p) => (p ?? "").replace(/\/+$/, "")).filter((p) => p !== "").join("/");
}


/** "2020-05-17T16-00Z" → that minute, UTC. */
export function minuteFolderTime(name: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})Z$/.exec(name);
  return m ? validDate(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])) : undefined;
}

/** "20221120" → that day, UTC. */
export function dayFolderTime(name: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(name);
  return m ? validDate(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
}

function validDate(ms: number): Date | undefined {
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/** The manifest document as an object, or a ManifestError saying why not. */
export function manifestObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`manifest.json is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new ManifestError("manifest.json is not a JSON object");
  return parsed as Record<string, unknown>;
}

export function requiredString(doc: Record<string, unknown>, field: string): string {
  const value = doc[field];
  if (typeof value !== "string" || value.trim() === "") throw new ManifestError(`manifest field "${field}" is missing or not a string`);
  return value;
}

export function optionalString(doc: Record<string, unknown>, field: string): string | undefined {
  const value = doc[field];
  return typeof value === "string" ? value : undefined;
}

/** A count or size the vendor writes as a number or as a string of digits. */
export function countOf(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new ManifestError(`manifest field "${field}" is ${JSON.stringify(value)}: not a whole number`);
  }
  return n;
}

/** "Bucket, Key, Size" (or "Bucket,Key,Size") → the column names. */
export function schemaColumns(fileSchema: string): string[] {
  const columns = fileSchema.split(",").map((c) => c.trim());
  if (columns.some((c) => c === "")) throw new ManifestError(`fileSchema "${fileSchema}" has an empty column name`);
  return columns;
}

/** The manifest's files list, each entry read by `read`. */
export function fileEntries(doc: Record<string, unknown>, read: (entry: Record<string, unknown>, at: string) => ManifestFile): ManifestFile[] {
  const files = doc.files;
  if (!Array.isArray(files)) throw new ManifestError('manifest field "files" is missing or not a list');
  return files.map((entry, i) => {
    if (typeof entry !== "object" || entry === null) throw new ManifestError(`manifest files[${i}] is not an object`);
    return read(entry as Record<string, unknown>, `files[${i}]`);
  });
}

/** A hex MD5 in either case → lower-case; anything else is refused. */
export function md5Field(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[0-9a-fA-F]{32}$/.test(value.trim())) {
    throw new ManifestError(`manifest field "${field}" is ${JSON.stringify(value)}: not a hex MD5`);
  }
  return value.trim().toLowerCase();
}

/** A data file key: present, and inside the bucket (no empty key). */
export function keyField(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") throw new ManifestError(`manifest field "${field}" is missing or not a string`);
  return value;
}
