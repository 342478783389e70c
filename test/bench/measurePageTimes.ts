// Times fetching one page: the first (cold) call, which is what a click costs, then the best of 3 more.
export interface PageTimes {
  coldMs: number;
  bestMs: number;
}

export async function measurePageTimes(fetchPage: () => Promise<unknown>): Promise<PageTimes> {
  const time = async () => {
    const started = performance.now();
    await fetchPage();
    return performance.now() - started;
  };
  const coldMs = await time();
  let bestMs = Infinity;
  for (let i = 0; i < 3; i++) bestMs = Math.min(bestMs, await time());
  return { coldMs, bestMs };
}
