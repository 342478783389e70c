// Which canonical fields of a source are read as timestamps: one choice for the engine and the rule builder.

/** Every metric anchor of the source, and the fields whose names say they hold a date (`_at`, `_date`, `_on`). */
export function listDateFields(fields: readonly string[], anchors: readonly string[]): Set<string> {
  const named = fields.filter((f) => /(_at|_date|_on)$/i.test(f));
  return new Set([...named, ...anchors]);
}
