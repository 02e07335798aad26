/** Listing ids in grid order. Int32Array halves the memory of a 1M-row snapshot. */
export type IdArray = Int32Array | Float64Array;

const INT32_MAX = 2 ** 31 - 1;

/** Packs ids into the smallest typed array that holds them all. */
export function toIdArray(ids: ArrayLike<number>, maxId: number): IdArray {
  return maxId <= INT32_MAX ? Int32Array.from(ids) : Float64Array.from(ids);
}

export function emptyIdArray(length: number, maxId: number): IdArray {
  return maxId <= INT32_MAX ? new Int32Array(length) : new Float64Array(length);
}
