/**
 * The first `count` items of a stream, read ahead, and the whole stream again (those items first):
 * format detection looks at a few data rows before the reader gets them all.
 */
export async function peekRows<T>(rows: AsyncIterable<T>, count: number): Promise<{ head: T[]; rows: AsyncIterable<T> }> {
  const iterator = rows[Symbol.asyncIterator]();
  const head: T[] = [];
  let done = false;
  while (head.length < count) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  async function* again(): AsyncGenerator<T> {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, rows: again() };
}
