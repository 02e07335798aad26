/**
 * Counts, per listing id, how many filter conditions it passed; a listing is in the view when it
 * passed all of them. Dense ids (the normal case: rowids count up from 1) use one byte per id —
 * 1 MB for a million listings and a single array read per test; ids spread over a huge range
 * fall back to a Map.
 */
export interface IdTally {
  add(ids: ArrayLike<number>): void;
  count(id: number): number;
  /**
   * Copies into `into`, in order, the ids of `ordered` that passed `required` conditions; returns
   * how many. One loop inside the tally instead of a count() call per id: walking a 1M-row base
   * is the whole cost of a large search or filter view.
   */
  keep(ordered: ArrayLike<number>, required: number, into: { [index: number]: number }): number;
}

const DENSE_LIMIT = 64 * 1024 * 1024;

export function createIdTally(maxId: number): IdTally {
  if (maxId < DENSE_LIMIT) {
    const counts = new Uint8Array(maxId + 1);
    return {
      add(ids) {
        for (let i = 0; i < ids.length; i++) counts[ids[i]!]!++;
      },
      count: (id) => counts[id] ?? 0,
      keep(ordered, required, into) {
        let kept = 0;
        for (let i = 0; i < ordered.length; i++) {
          const id = ordered[i]!;
          if (counts[id] === required) into[kept++] = id;
        }
        return kept;
      },
    };
  }
  const counts = new Map<number, number>();
  return {
    add(ids) {
      for (let i = 0; i < ids.length; i++) counts.set(ids[i]!, (counts.get(ids[i]!) ?? 0) + 1);
    },
    count: (id) => counts.get(id) ?? 0,
    keep(ordered, required, into) {
      let kept = 0;
      for (let i = 0; i < ordered.length; i++) {
        const id = ordered[i]!;
        if (counts.get(id) === required) into[kept++] = id;
      }
      return kept;
    },
  };
}
