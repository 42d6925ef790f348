import { createInventory, deleteInventory, readInventory } from "../../../provider/resource/lifecycle";
import { updateInventory } from "../../../provider/resource/updateInventory";
import { AccessDeniedError, InvalidArgumentError, NotFoundError, TransportError } from "../../../provider/errors";
import type { BucketRef, Vendor } from "../../../provider/model/inventoryConfig";
import { configOf, normalizeArgs } from "../../../provider/resource/resourceArgs";
import { invalidArgument, MemoryInventoryClient, SEED_BUCKETS, transportError } from "./memoryInventoryClient";
import { argsWith } from "./validArgs";

const fast = { readBack: { attempts: 3, delayMs: 0 }, sleep: async () => undefined };
const refOf = (vendor: Vendor): BucketRef => {
  const a = argsWith(vendor);
  return { vendor, region: a.region as string, bucket: a.bucket as string };
};

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected a failure");
}

describe("create", () => {
  it("puts, reads back and returns the service's view with the resource id", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss", { "destination.bucket": "acs:oss:::reports" }), fast);
    expect(id).toBe("oss:cn-hangzhou:photos:daily");
    expect(outs).toMatchObject({ resourceId: id, vendor: "oss", inventoryId: "daily", enabled: true, destination: { bucket: "reports" } });
    expect(client.calls.map((c) => c.op)).toEqual(["getInventory", "putInventory", "getInventory"]);
    expect(client.stored(refOf("oss"), "daily")).toEqual(configOf(normalizeArgs(argsWith("oss"))));
  });

  it("refuses to overwrite a configuration it did not make, and leaves it alone", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const theirs = configOf(normalizeArgs(argsWith("s3", { "destination.prefix": "theirs/" })));
    client.seed(refOf("s3"), theirs);
    const error = await rejection(createInventory(client, argsWith("s3"), fast));
    expect(error.message).toBe(
      'creating bucket inventory s3:us-east-1:photos:daily: inventoryId: "daily" already exists on S3 bucket "photos" and this stack did not make it, ' +
        "so it is left untouched; to manage it from this stack set adopt: true (it is taken over as it is, and the next preview shows how it " +
        "differs from your program), or choose another inventoryId",
    );
    expect(error.id).toBeUndefined();
    expect(client.stored(refOf("s3"), "daily")).toEqual(theirs);
  });

  it("adopts an existing configuration as it is when adopt is set", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    client.seed(refOf("cos"), configOf(normalizeArgs(argsWith("cos", { "destination.prefix": "theirs/" }))));
    const { outs } = await createInventory(client, argsWith("cos", { adopt: true }), fast);
    expect(outs.destination.prefix).toBe("theirs/");
    expect(client.calls.map((c) => c.op)).toEqual(["getInventory"]);
  });

  it("reports a service error with the resource, vendor code and request id", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    client.failNext("putInventory", invalidArgument());
    const error = await rejection(createInventory(client, argsWith("obs"), fast));
    expect(error.message).toBe("creating bucket inventory obs:cn-north-4:photos:daily: InvalidArgument The inventory configuration is invalid. (request id mem-2)");
    expect(error.id).toBeUndefined();
  });

  it("waits for a service that shows the configuration only after a moment", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const original = client.getInventory.bind(client);
    let gets = 0;
    client.getInventory = async (ref, id) => (++gets <= 2 ? undefined : original(ref, id));
    const { outs } = await createInventory(client, argsWith("s3"), fast);
    expect(outs.inventoryId).toBe("daily");
    expect(gets).toBe(3);
  });

  it("records the resource when the put landed but reading it back failed (no orphan)", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const original = client.getInventory.bind(client);
    let gets = 0;
    client.getInventory = async (ref, id) => {
      if (++gets > 1) throw transportError();
      return original(ref, id);
    };
    const error = await rejection(createInventory(client, argsWith("oss"), fast));
    expect(error.message).toBe(
      "creating bucket inventory oss:cn-hangzhou:photos:daily: the configuration was written, but reading it back failed: connection reset by peer",
    );
    expect(error.id).toBe("oss:cn-hangzhou:photos:daily");
    expect(error.properties).toMatchObject({ resourceId: "oss:cn-hangzhou:photos:daily", inventoryId: "daily" });
    expect(error.reasons).toEqual([error.message]);
  });

  it("records the resource when the service never shows it", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    client.getInventory = async () => undefined;
    const error = await rejection(createInventory(client, argsWith("cos"), fast));
    expect(error.message).toBe(
      "creating bucket inventory cos:ap-guangzhou:photos-1250000000:daily: the configuration was written, but the service did not show it when read back; run `pulumi refresh`",
    );
    expect(error.id).toBe("cos:ap-guangzhou:photos-1250000000:daily");
  });
});

describe("read", () => {
  it("returns the service's view as outputs and as inputs", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("s3"), fast);
    client.seed(refOf("s3"), { ...configOf(normalizeArgs(argsWith("s3"))), enabled: false });
    const read = await readInventory(client, id, outs);
    expect(read.id).toBe(id);
    expect(read.props).toMatchObject({ enabled: false, resourceId: id });
    expect(read.inputs).toMatchObject({ enabled: false, vendor: "s3" });
    expect(read.inputs).not.toHaveProperty("resourceId");
  });

  it("says gone (empty id) when the configuration or its bucket is gone", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    expect(await readInventory(client, "obs:cn-north-4:photos:daily", argsWith("obs"))).toEqual({ id: "" });
  });

  it("finds the configuration from the id alone", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    client.seed(refOf("obs"), configOf(normalizeArgs(argsWith("obs"))));
    expect((await readInventory(client, "obs:cn-north-4:photos:daily", {})).props?.inventoryId).toBe("daily");
  });
});

describe("update", () => {
  it.each<Vendor>(["cos", "obs", "s3"])("puts the full configuration once on %s", async (vendor) => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith(vendor), fast);
    client.calls.length = 0;
    const next = argsWith(vendor, { enabled: false });
    const { outs: updated } = await updateInventory(client, id, outs, next, fast);
    expect(updated.enabled).toBe(false);
    expect(client.calls.map((c) => c.op)).toEqual(["putInventory", "getInventory"]);
  });

  it("on OSS probes with a put the service refuses for the id, then deletes and puts (OSS refuses a put on an existing id)", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss"), fast);
    client.calls.length = 0;
    const { outs: updated } = await updateInventory(client, id, outs, argsWith("oss", { "destination.prefix": "new/" }), fast);
    expect(updated.destination.prefix).toBe("new/");
    expect(client.calls.map((c) => c.op)).toEqual(["getInventory", "putInventory", "deleteInventory", "putInventory", "getInventory"]);
    expect((await client.listInventories(refOf("oss"))).map((c) => c.id)).toEqual(["daily"]);
  });

  it("on OSS fails before deleting anything when the service refuses the new configuration", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss"), fast);
    const before = client.stored(refOf("oss"), "daily");
    client.failNext("putInventory", invalidArgument("The optional field is invalid."));
    client.calls.length = 0;
    const error = await rejection(updateInventory(client, id, outs, argsWith("oss", { "destination.prefix": "new/" }), fast));
    expect(error.message).toBe(
      "updating bucket inventory oss:cn-hangzhou:photos:daily: InvalidArgument The optional field is invalid. (request id mem-2); the configuration was left as it was",
    );
    expect((error.cause as Error).cause).toBeInstanceOf(InvalidArgumentError);
    expect(client.calls.map((c) => c.op)).toEqual(["getInventory", "putInventory"]);
    expect(client.stored(refOf("oss"), "daily")).toEqual(before);
  });

  it("on OSS still ends with the new configuration when the configuration vanished before the probe", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss"), fast);
    const original = client.getInventory.bind(client);
    let first = true;
    client.getInventory = async (ref, inventoryId) => {
      const seen = await original(ref, inventoryId);
      if (first) {
        first = false;
        client.configs.get("oss|photos")!.delete("daily");
      }
      return seen;
    };
    client.calls.length = 0;
    await updateInventory(client, id, outs, argsWith("oss", { enabled: false }), fast);
    expect(client.calls.map((c) => c.op)).toEqual(["getInventory", "putInventory", "deleteInventory", "putInventory", "getInventory"]);
    expect(client.stored(refOf("oss"), "daily")?.enabled).toBe(false);
  });

  it("on OSS looks before going on when a delete's answer was lost", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss"), fast);
    const original = client.deleteInventory.bind(client);
    client.deleteInventory = async (ref, inventoryId) => {
      await original(ref, inventoryId);
      throw transportError(); // it landed, the answer did not
    };
    await updateInventory(client, id, outs, argsWith("oss", { enabled: false }), fast);
    expect(client.stored(refOf("oss"), "daily")?.enabled).toBe(false);
  });

  it("on OSS leaves everything as it was when the delete did not happen", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss"), fast);
    const before = client.stored(refOf("oss"), "daily");
    client.failNext("deleteInventory", transportError());
    const error = await rejection(updateInventory(client, id, outs, argsWith("oss", { enabled: false }), fast));
    expect(error.message).toBe("updating bucket inventory oss:cn-hangzhou:photos:daily: connection reset by peer; the configuration was left as it was");
    expect(client.stored(refOf("oss"), "daily")).toEqual(before);
  });

  it("on OSS puts the previous configuration back when the final put fails, and says so", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss"), fast);
    const before = client.stored(refOf("oss"), "daily");
    client.failNext("putInventory", invalidArgument("The optional field is invalid."), 1, 1);
    const error = await rejection(updateInventory(client, id, outs, argsWith("oss", { "destination.prefix": "new/" }), fast));
    expect(error.message).toBe(
      "updating bucket inventory oss:cn-hangzhou:photos:daily: InvalidArgument The optional field is invalid. (request id mem-2); " +
        "the previous configuration was put back and is unchanged",
    );
    expect(client.stored(refOf("oss"), "daily")).toEqual(before);
    expect(error.id).toBe(id);
    expect(error.properties).toMatchObject({ destination: { prefix: "inventory/" } });
  });

  it("on OSS says plainly when even the restore was refused", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss"), fast);
    client.failNext("putInventory", invalidArgument("The optional field is invalid."), 1, 1);
    client.failNext("putInventory", new AccessDeniedError({ vendorCode: "AccessDenied", vendorMessage: "no", status: 403 }));
    const error = await rejection(updateInventory(client, id, outs, argsWith("oss", { "destination.prefix": "new/" }), fast));
    expect(error.message).toBe(
      "updating bucket inventory oss:cn-hangzhou:photos:daily: InvalidArgument The optional field is invalid. (request id mem-2); " +
        "putting the previous configuration back also failed (AccessDenied no): bucket \"photos\" has no inventory " +
        "configuration \"daily\" now. Run `pulumi refresh`, then `pulumi up` to create it again",
    );
    expect(client.stored(refOf("oss"), "daily")).toBeUndefined();
  });

  it("on OSS says the outcome is unknown, and how to find out, when the puts after the probe time out but land later", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("oss"), fast);
    const original = client.putInventory.bind(client);
    let puts = 0;
    const late: Promise<unknown>[] = [];
    client.putInventory = async (ref, config) => {
      if (++puts === 1) return original(ref, config); // the probe: refused on the taken id, nothing changes
      // Carried out after the client gave up on it.
      late.push(Promise.resolve().then(() => original(ref, config)).catch(() => undefined));
      throw new TransportError("PUT http://x/photos/: timed out after 2000 ms", { timedOut: true });
    };
    const error = await rejection(updateInventory(client, id, outs, argsWith("oss", { "destination.prefix": "new/" }), fast));
    expect(error.message).toBe(
      "updating bucket inventory oss:cn-hangzhou:photos:daily: PUT http://x/photos/: timed out after 2000 ms; putting the previous " +
        "configuration back also failed (PUT http://x/photos/: timed out after 2000 ms): the outcome is unknown. A put that got no " +
        "answer may still be carried out, so bucket \"photos\" may hold the new configuration \"daily\", the previous one, or none. " +
        "Run `pulumi refresh` in a minute to see what it holds, then `pulumi up`",
    );
    await Promise.all(late);
    expect(client.stored(refOf("oss"), "daily")?.destination.prefix).toBe("new/");
  });

  it("falls back to delete-then-put when another vendor turns out to refuse the put", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("obs"), fast);
    const { ConflictError } = await import("../../../provider/errors");
    client.failNext("putInventory", new ConflictError({ vendorCode: "InventoryAlreadyExist", vendorMessage: "exists", status: 409 }));
    client.calls.length = 0;
    await updateInventory(client, id, outs, argsWith("obs", { enabled: false }), fast);
    // The first put was refused for its id; then the safe sequence: read, probe, delete, put.
    expect(client.calls.map((c) => c.op)).toEqual(["putInventory", "getInventory", "putInventory", "deleteInventory", "putInventory", "getInventory"]);
    expect(client.stored(refOf("obs"), "daily")?.enabled).toBe(false);
  });
});

it("update: reports any other conflict as it is, without touching the configuration", async () => {
  const client = new MemoryInventoryClient(SEED_BUCKETS);
  const { id, outs } = await createInventory(client, argsWith("obs"), fast);
  const { ConflictError } = await import("../../../provider/errors");
  client.failNext("putInventory", new ConflictError({ vendorCode: "PrefixExistInclusionRelationship", vendorMessage: "overlap", status: 400, requestId: "r-9" }));
  client.calls.length = 0;
  const error = await rejection(updateInventory(client, id, outs, argsWith("obs", { "filter.prefix": "x/" }), fast));
  expect(error.message).toBe("updating bucket inventory obs:cn-north-4:photos:daily: PrefixExistInclusionRelationship overlap (request id r-9)");
  expect(client.calls.map((c) => c.op)).toEqual(["putInventory"]);
});

describe("delete", () => {
  it("is idempotent", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const { id, outs } = await createInventory(client, argsWith("s3"), fast);
    await deleteInventory(client, id, outs);
    await deleteInventory(client, id, outs);
    expect(client.stored(refOf("s3"), "daily")).toBeUndefined();
  });

  it("treats a missing bucket as already deleted", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    client.failNext("deleteInventory", new NotFoundError({ vendorCode: "NoSuchBucket", vendorMessage: "no bucket", status: 404 }));
    await expect(deleteInventory(client, "s3:us-east-1:photos:daily", {})).resolves.toBeUndefined();
  });

  it("reports other failures in context", async () => {
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    client.failNext("deleteInventory", transportError());
    await expect(deleteInventory(client, "s3:us-east-1:photos:daily", {})).rejects.toThrow(
      "deleting bucket inventory s3:us-east-1:photos:daily: connection reset by peer",
    );
  });
});

describe("error context", () => {
  it("replaces the client's own context with the operation's", async () => {
    const { withContext, TransportError } = await import("../../../provider/errors");
    const client = new MemoryInventoryClient(SEED_BUCKETS);
    const fromClient = withContext(new InvalidArgumentError({ vendorCode: "InvalidArgument", vendorMessage: "bad field", status: 400, requestId: "r-1" }),
      "putting bucket inventory s3:us-east-1:photos:daily");
    client.failNext("putInventory", fromClient);
    const created = await rejection(createInventory(client, argsWith("s3"), fast));
    expect(created.message).toBe("creating bucket inventory s3:us-east-1:photos:daily: InvalidArgument bad field (request id r-1)");
    expect(created).toBeInstanceOf(InvalidArgumentError);
    client.failNext("deleteInventory", withContext(new TransportError("socket hang up"), "deleting bucket inventory s3:us-east-1:photos:daily"));
    const error = await rejection(deleteInventory(client, "s3:us-east-1:photos:daily", {}));
    expect(error.message).toBe("deleting bucket inventory s3:us-east-1:photos:daily: socket hang up");
    expect(error).toBeInstanceOf(TransportError);
  });
});
