import { bucketPath } from "../../../provider/signing/bucketPath";
import type { HttpRequest } from "../../../provider/http/httpTypes";

function req(host: string, path: string): HttpRequest {
  return { method: "GET", origin: `https://${host}`, path, query: [], headers: { host } };
}

describe("bucketPath: where a request names its bucket", () => {
  it("reads a bucket host as virtual-hosted", () => {
    expect(bucketPath(req("photos.oss-cn-hangzhou.aliyuncs.com", "/"), "photos")).toEqual({ pathStyle: false, key: "" });
  });

  it("reads a virtual-hosted key that starts with the bucket name as a key", () => {
    expect(bucketPath(req("photos.s3.amazonaws.com", "/photos/a.jpg"), "photos")).toEqual({ pathStyle: false, key: "photos/a.jpg" });
  });

  it("reads an endpoint override with the bucket first in the path as path-style", () => {
    expect(bucketPath(req("127.0.0.1:9000", "/photos/"), "photos")).toEqual({ pathStyle: true, key: "" });
    expect(bucketPath(req("127.0.0.1:9000", "/photos"), "photos")).toEqual({ pathStyle: true, key: "" });
    expect(bucketPath(req("127.0.0.1:9000", "/photos/a%20b"), "photos")).toEqual({ pathStyle: true, key: "a%20b" });
  });

  it("reads a custom domain without the bucket in the path as virtual-hosted", () => {
    expect(bucketPath(req("static.example.com:8080", "/db.gz"), "static.example.com")).toEqual({ pathStyle: false, key: "db.gz" });
  });

  it("falls back to the origin's host when no host header is set", () => {
    const r: HttpRequest = { method: "GET", origin: "https://photos.s3.amazonaws.com", path: "/photos/a", query: [], headers: {} };
    expect(bucketPath(r, "photos")).toEqual({ pathStyle: false, key: "photos/a" });
  });
});
