import { startFakeCloud, type FakeCloud, type FakeCloudOptions } from "../../../fake/index";

/** One fake per test file, reset before each test (state, faults and the request log). */
export function useFakeCloud(options: FakeCloudOptions = {}): { readonly fake: FakeCloud; readonly url: string } {
  let fake: FakeCloud | undefined;
  beforeAll(async () => {
    fake = await startFakeCloud(options);
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => fake?.admin.reset());
  return {
    get fake() {
      if (!fake) throw new Error("the fake cloud is not started");
      return fake;
    },
    get url() {
      if (!fake) throw new Error("the fake cloud is not started");
      return fake.url;
    },
  };
}
