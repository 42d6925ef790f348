import { InputError } from "../../../provider/errors";
import { uriDecodePath, uriEncode, uriEncodePath } from "../../../provider/signing/uriEncode";

describe("RFC 3986 encoding shared by the signers", () => {
  it("keeps only A-Z a-z 0-9 - . _ ~ and encodes the rest as upper-case UTF-8 escapes", () => {
    expect(uriEncode("aZ09-._~")).toBe("aZ09-._~");
    expect(uriEncode("!'()*")).toBe("%21%27%28%29%2A");
    expect(uriEncode("a b+c/d=e&f")).toBe("a%20b%2Bc%2Fd%3De%26f");
    expect(uriEncode("腾")).toBe("%E8%85%BE");
  });

  it("encodes a path segment by segment, keeping the slashes", () => {
    expect(uriEncodePath("/bucket/1234+-/123/1.txt")).toBe("/bucket/1234%2B-/123/1.txt");
  });

  it("decodes an as-sent path and rejects a broken escape with an InputError naming the path", () => {
    expect(uriDecodePath("/exampleobject(%E8%85%BE)")).toBe("/exampleobject(腾)");
    expect(() => uriDecodePath("/bad%E8")).toThrow(InputError);
    expect(() => uriDecodePath("/bad%E8")).toThrow(/request\.path: "\/bad%E8" is not a valid percent-encoded path/);
  });
});
