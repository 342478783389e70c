// Reference support: one order for id lists, so that lists compare as sets whatever order a report keeps.

/** Ids by their text (UTF-16 code units), the order both sides of a comparison are put in. */
export function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort();
}
