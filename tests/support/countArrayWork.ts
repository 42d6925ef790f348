/**
 * Counts the array work a synchronous function does: elements handed out by array iterators (for-of, spread,
 * destructuring, Array.from), callbacks run by the array methods (find, filter, map, some, sort...) and elements
 * copied or scanned by the others (slice, concat, splice, includes, indexOf). It is a count, not a time, so a test can
 * assert that work grows linearly with the input (4× the input, about 4× the work; a quadratic loop gives 16×)
 * without depending on the machine's speed. Work done on strings, Maps and Sets is not counted.
 */

type AnyFn = (...args: unknown[]) => unknown;

const WITH_CALLBACK = ["find", "findIndex", "findLast", "findLastIndex", "filter", "map", "flatMap", "forEach", "some", "every", "reduce", "reduceRight", "sort"] as const;
const SCANNING = ["includes", "indexOf", "lastIndexOf", "join"] as const;
const COPYING = ["slice", "concat", "splice"] as const;

export function countArrayWork<T>(run: () => T): { result: T; work: number } {
  const proto = Array.prototype as unknown as Record<PropertyKey, AnyFn>;
  const saved = new Map<PropertyKey, AnyFn>();
  let work = 0;
  const patch = (name: PropertyKey, wrap: (original: AnyFn) => AnyFn) => {
    const original = proto[name];
    saved.set(name, original);
    Object.defineProperty(Array.prototype, name, { value: wrap(original), writable: true, configurable: true, enumerable: false });
  };
  patch(Symbol.iterator, (original) =>
    function (this: unknown[]) {
      const iterator = original.call(this) as Iterator<unknown>;
      const next = iterator.next.bind(iterator);
      return Object.assign(Object.create(Object.getPrototypeOf(iterator)), {
        next: () => {
          work += 1;
          return next();
        },
        [Symbol.iterator]() {
          return this;
        },
      });
    },
  );
  for (const name of WITH_CALLBACK) {
    patch(name, (original) =>
      function (this: unknown[], callback: unknown, ...rest: unknown[]) {
        if (typeof callback !== "function") return original.call(this, callback, ...rest);
        const counted = function (this: unknown, ...args: unknown[]) {
          work += 1;
          return (callback as AnyFn).apply(this, args);
        };
        return original.call(this, counted, ...rest);
      },
    );
  }
  for (const name of SCANNING) {
    patch(name, (original) =>
      function (this: unknown[], ...args: unknown[]) {
        work += this.length;
        return original.apply(this, args);
      },
    );
  }
  for (const name of COPYING) {
    patch(name, (original) =>
      function (this: unknown[], ...args: unknown[]) {
        const result = original.apply(this, args);
        if (Array.isArray(result)) work += result.length;
        return result;
      },
    );
  }
  try {
    work = 0;
    const result = run();
    return { result, work };
  } finally {
    for (const [name, original] of saved) {
      Object.defineProperty(Array.prototype, name, { value: original, writable: true, configurable: true, enumerable: false });
    }
  }
}

/** Work at `size` and at 4×`size`: a linear function's ratio is about 4, a quadratic one's about 16. */
export function workGrowth(runAt: (size: number) => unknown, size: number): { small: number; large: number; ratio: number } {
  const small = countArrayWork(() => runAt(size)).work;
  const large = countArrayWork(() => runAt(4 * size)).work;
  return { small, large, ratio: large / Math.max(small, 1) };
}
