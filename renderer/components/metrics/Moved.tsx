// How one number moved with the last applied contract edit ("121 → 98"); nothing when it did not move or nothing was applied.
interface Props<T> {
  /** undefined: no edit applied since the screen was read, or the number did not exist before it. */
  before: T | null | undefined;
  after: T | null;
  format(value: T | null): string;
}

export function Moved<T>({ before, after, format }: Props<T>) {
  if (before === undefined || format(before) === format(after)) return null;
  return (
    <span className="moved" title="Before and after the last contract edit">
      {format(before)} → {format(after)}
    </span>
  );
}
