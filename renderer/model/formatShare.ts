// How rates and conversions are shown: a percentage to one decimal; a rate of nothing (division by 0) said in words.
export function formatShare(share: number | null): string {
  return share === null ? 'none (nothing to divide by)' : `${(share * 100).toFixed(1)}%`;
}
