/**
 * What a text value (an id, a prefix, a tag, a key id) may hold so that every vendor stores it and gives it back
 * unchanged. Values travel as XML 1.0 text: it cannot carry most control characters at all, and every XML reader
 * turns a carriage return into a line feed, so such a value would be refused or come back different (a diff on
 * every preview). Lone surrogates are not characters: they cannot be sent as UTF-8 and come back as U+FFFD.
 * Tab and line feed would survive XML, but no object key prefix needs them and what each service does with them
 * is not documented: control characters are refused as one class.
 */

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Printable ASCII and the BMP outside C1, surrogates and U+FFFE/F: no problem, without walking code points. */
const PLAIN_TEXT = /^[\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd]*$/;
/** XML 1.0 Char in the BMP: the same shortcut for `xmlTextProblem`. */
const PLAIN_XML = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd]*$/;

/** Why `value` cannot be stored as it is, or undefined. Names the offending character by code point only. */
export function textProblem(value: string): string | undefined {
  if (PLAIN_TEXT.test(value)) return undefined;
  for (const c of value) {
    const n = c.codePointAt(0)!;
    if (n === 0x0d) return "has a carriage return (U+000D), which the services read back as a line feed";
    if (n < 0x20 || (n >= 0x7f && n <= 0x9f)) return `has the control character ${codePoint(c)}, which inventory configurations cannot hold`;
    if (n >= 0xd800 && n <= 0xdfff) return `has a lone surrogate (${codePoint(c)}), which is not a character and cannot be sent as UTF-8`;
    if (n === 0xfffe || n === 0xffff) return `has ${codePoint(c)}, which is not a character XML can carry`;
  }
  return undefined;
}

/**
 * Why `value` cannot be written as XML 1.0 text at all (characters outside XML's Char production, lone
 * surrogates), or undefined. Laxer than `textProblem`: the XML builder refuses only what it could not write.
 */
export function xmlTextProblem(value: string): string | undefined {
  if (PLAIN_XML.test(value)) return undefined;
  for (const c of value) {
    const n = c.codePointAt(0)!;
    const ok = n === 0x09 || n === 0x0a || n === 0x0d || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || n >= 0x10000;
    if (!ok) return `has ${codePoint(c)}, which XML cannot carry`;
  }
  return undefined;
}
