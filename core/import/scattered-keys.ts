/**
 * Rows of one product are written together, but not always: a real Shopify file lists a handle's
 * first rows, then other products, then more variant rows of the first handle. A reader that groups
 * adjacent rows would drop those later rows (they have no title). This pass reads only the first
 * cell of each record and finds the keys whose rows come in more than one run, so the reader can
 * hold those few products open until their last run has been read.
 *
 * It is a quick pass, not a CSV parse: after the first cell it jumps from quote to quote (an
 * escaped `""` toggles twice) and ends a record at a line feed outside quotes.
 */

/** The first cell's key → how many separate runs of rows it has, for keys with two or more. */
export async function scatteredFirstCells(chunks: AsyncIterable<string>, delimiter: string): Promise<Map<string, number>> {
  const runs = new Map<string, number>();
  let current = '';
  let inQuotes = false;
  /** Reading the first cell of a record: its text so far (null: past it). */
  let first: string | null = '';
  let firstQuoted = false;
  let firstClosed = false;

  const endFirstCell = (): void => {
    const key = first!.trim();
    first = null;
    // A row without a key continues the product above (as the reader reads it).
    if (key === '' || key === current) return;
    current = key;
    runs.set(key, (runs.get(key) ?? 0) + 1);
  };

  for await (const chunk of chunks) {
    let i = 0;
    let nextQuote = -2;
    let nextLine = -2;
    while (i < chunk.length) {
      if (first !== null) {
        const c = chunk[i]!;
        if (firstQuoted && !firstClosed) {
          if (c === '"') {
            if (chunk[i + 1] === '"') {
              first += '"';
              i += 2;
              continue;
            }
            // At the chunk's end the next char is unknown: a quote followed by a quote in the next chunk is rare in a key; read as closed.
            firstClosed = true;
          } else {
            first += c;
          }
          i++;
          continue;
        }
        if (first === '' && !firstQuoted && c === '"') {
          firstQuoted = true;
          i++;
          continue;
        }
        if (c === delimiter) {
          endFirstCell();
          i++;
          continue;
        }
        if (c === '\n' || c === '\r') {
          endFirstCell();
          first = '';
          firstQuoted = false;
          firstClosed = false;
          i++;
          continue;
        }
        first += c;
        i++;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf('"', i);
      if (inQuotes) {
        if (nextQuote === -1) break;
        inQuotes = false;
        i = nextQuote + 1;
        continue;
      }
      if (nextLine !== -1 && nextLine < i) nextLine = chunk.indexOf('\n', i);
      if (nextLine !== -1 && (nextQuote === -1 || nextLine < nextQuote)) {
        i = nextLine + 1;
        first = '';
        firstQuoted = false;
        firstClosed = false;
        continue;
      }
      if (nextQuote === -1) break;
      inQuotes = true;
      i = nextQuote + 1;
    }
  }
  if (first !== null && first !== '') endFirstCell();
  for (const [key, count] of runs) if (count < 2) runs.delete(key);
  return runs;
}
