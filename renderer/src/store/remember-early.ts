/** Keeps the newest few `*.finished` events that arrived before their start call answered. */
export function rememberEarly<T>(map: Map<string, T>, key: string, value: T): void {
  map.set(key, value);
  while (map.size > 8) map.delete(map.keys().next().value!);
}
