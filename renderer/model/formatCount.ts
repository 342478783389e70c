// How counts are shown: grouped digits for people (4,070); accessible names keep plain digits for tests and speech.
const grouped = new Intl.NumberFormat('en-US');

export function formatCount(count: number): string {
  return grouped.format(count);
}
