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
  // A consumer that stops early (the preview reads a few rows) closes the source too, as it would
  // without the read-ahead: the decoder's file stream is destroyed, not left open until GC.
  async function* again(): AsyncGenerator<T> {
    try {
      yield* head;
      while (!done) {
        const next = await iterator.next();
        if (next.done) done = true;
        else yield next.value;
      }
    } finally {
      if (!done) await iterator.return?.();
    }
  }
  return { head, rows: again() };
}
