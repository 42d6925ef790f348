import fc from "fast-check";
import { textProblem, xmlTextProblem } from "../../../provider/model/textRules";

/** The rules walked code point by code point, as written before the one-regex shortcut for plain text. */
function walkedTextProblem(value: string): boolean {
  for (const c of value) {
    const n = c.codePointAt(0)!;
    if (n === 0x0d || n < 0x20 || (n >= 0x7f && n <= 0x9f) || (n >= 0xd800 && n <= 0xdfff) || n === 0xfffe || n === 0xffff) return true;
  }
  return false;
}

function walkedXmlTextProblem(value: string): boolean {
  for (const c of value) {
    const n = c.codePointAt(0)!;
    const ok = n === 0x09 || n === 0x0a || n === 0x0d || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || n >= 0x10000;
    if (!ok) return true;
  }
  return false;
}

/** Strings mixing plain text with every kind of unit the rules single out: controls, C1, CR, lone and paired surrogates, U+FFFE/F. */
const edgy = fc.array(
  fc.oneof(
    fc.string(),
    fc.constantFrom("\t", "\n", "\r", "\u0000", "\u001f", "\u007f", "\u0080", "\u009f", "\u00a0", "\ud7ff", "\ud800", "\udbff", "\udc00", "\udfff", "\ud83d\ude00", "\ue000", "\ufffd", "\ufffe", "\uffff"),
    fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  ),
).map((parts) => parts.join(""));

describe("text rules", () => {
  it("textProblem finds a problem exactly when a code point is refused", () => {
    fc.assert(fc.property(edgy, (s) => (textProblem(s) !== undefined) === walkedTextProblem(s)), { numRuns: 2000 });
  });

  it("xmlTextProblem finds a problem exactly when a code point is outside XML 1.0's Char", () => {
    fc.assert(fc.property(edgy, (s) => (xmlTextProblem(s) !== undefined) === walkedXmlTextProblem(s)), { numRuns: 2000 });
  });

  it("names the offending character of a value that is mostly plain", () => {
    expect(textProblem("logs/2026\u0085/")).toBe("has the control character U+0085, which inventory configurations cannot hold");
    expect(xmlTextProblem("a\ud800b")).toBe("has U+D800, which XML cannot carry");
    expect(textProblem("emoji \ud83d\ude00 ok")).toBeUndefined();
  });
});
