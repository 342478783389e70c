// Command line of `npm run bench`: which bridges (and the metrics and attribution reports) at which sizes, which seed, how long any one measured process may run.
export interface BenchOptions {
  /** Sizes of the count bridge (MQLs vs leads). */
  sizes: number[];
  /** Sizes of the value bridge (deals vs opportunities, money.md): --value-sizes, else the count sizes up to 1M. */
  valueSizes: number[];
  /** People of the metrics bench (revenue.md: funnel, shared metrics, SLA): --metrics-people, else the count sizes up to 1M. */
  metricsPeople: number[];
  /** Touches of the attribution bench (revenue.md: N/5 opportunities, about 2N/5 contact roles): --attribution-touches, else 1M. */
  attributionTouches: number[];
  seed: number;
  /** --timeout: the time limit of every measured process; absent: 10x the floor within [60 s, 240 s]. */
  timeoutMs?: number;
  quick: boolean;
  /** --repeat: how many times the FLOOR and the recon CLI run, alternately; the best wall time of each counts. */
  repeat: number;
  /** --ui-sizes: sizes (count bridge rows, metrics people, attribution touches) at which the renderer is timed in Chromium (default 1M, or the quick size). */
  uiSizes: number[];
  /** --progress-rows: rows a side of the count exports whose import progress and cancel are timed (issue 11, point 5); absent without the progress bridge. */
  progressRows?: number;
}

export const DEFAULT_SIZES = [250_000, 1_000_000, 5_000_000];
/** The value bridge and the metrics bench are measured up to 1M rows a side (people) by default (issues 7, 8): 5M would add some ten minutes each. */
const MAX_DEFAULT_VALUE_SIZE = 1_000_000;
/** Issue 9's size: 1M touches, 200k opportunities, 400k contact roles. */
const DEFAULT_ATTRIBUTION_TOUCHES = [1_000_000];
const QUICK_SIZE = 20_000;
/** Issue 11, point 5: a plain UTF-8 CSV of 5M rows. */
const DEFAULT_PROGRESS_ROWS = 5_000_000;
const BRIDGES = ['count', 'value', 'metrics', 'attribution', 'progress'] as const;
const USAGE =
  'usage: npm run bench -- [--quick] [--sizes 250000,1000000,5000000] [--value-sizes 250000,1000000] [--metrics-people 250000,1000000] [--attribution-touches 1000000] [--bridges count,value,metrics,attribution] [--ui-sizes 1000000] [--progress-rows 5000000] [--repeat 1] [--seed 42] [--timeout SECONDS]';

/** Throws with the usage line on anything it does not understand, so a typo never runs the 15-minute default. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { sizes: DEFAULT_SIZES, valueSizes: [], metricsPeople: [], attributionTouches: [], seed: 42, repeat: 1, quick: false, uiSizes: [1_000_000] };
  let valueSizes: number[] | undefined;
  let metricsPeople: number[] | undefined;
  let attributionTouches: number[] | undefined;
  let progressRows: number | undefined;
  let bridges: readonly string[] = BRIDGES;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--quick') options.quick = true;
    else if (flag === '--sizes') options.sizes = value().split(',').map((s) => parsePositive(flag, s.replaceAll('_', '')));
    else if (flag === '--value-sizes') valueSizes = value().split(',').map((s) => parsePositive(flag, s.replaceAll('_', '')));
    else if (flag === '--metrics-people') metricsPeople = value().split(',').map((s) => parsePositive(flag, s.replaceAll('_', '')));
    else if (flag === '--attribution-touches') attributionTouches = value().split(',').map((s) => parsePositive(flag, s.replaceAll('_', '')));
    else if (flag === '--bridges') bridges = parseBridges(value());
    else if (flag === '--ui-sizes') options.uiSizes = value().split(',').map((s) => parsePositive(flag, s.replaceAll('_', '')));
    else if (flag === '--progress-rows') progressRows = parsePositive(flag, value().replaceAll('_', ''));
    else if (flag === '--seed') options.seed = parsePositive(flag, value());
    else if (flag === '--repeat') options.repeat = parsePositive(flag, value());
    else if (flag === '--timeout') options.timeoutMs = parsePositive(flag, value()) * 1000;
    else throw new Error(`unknown argument '${argv[i]}'\n${USAGE}`);
  }
  if (options.quick) {
    options.sizes = options.uiSizes = valueSizes = metricsPeople = attributionTouches = [QUICK_SIZE];
    progressRows = QUICK_SIZE;
  }
  if (bridges.includes('progress')) options.progressRows = progressRows ?? DEFAULT_PROGRESS_ROWS;
  const listDefaultSizes = () => options.sizes.filter((n) => n <= MAX_DEFAULT_VALUE_SIZE);
  options.valueSizes = bridges.includes('value') ? sortSizes(valueSizes ?? listDefaultSizes()) : [];
  options.metricsPeople = bridges.includes('metrics') ? sortSizes(metricsPeople ?? listDefaultSizes()) : [];
  options.attributionTouches = bridges.includes('attribution') ? sortSizes(attributionTouches ?? DEFAULT_ATTRIBUTION_TOUCHES) : [];
  options.sizes = bridges.includes('count') ? sortSizes(options.sizes) : [];
  return options;
}

function sortSizes(sizes: number[]): number[] {
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function parseBridges(text: string): string[] {
  const bridges = text.split(',').map((b) => b.trim());
  const unknown = bridges.find((b) => !(BRIDGES as readonly string[]).includes(b));
  if (unknown !== undefined || bridges.length === 0) throw new Error(`--bridges: '${unknown ?? text}' is not one of ${BRIDGES.join(', ')}\n${USAGE}`);
  return bridges;
}

function parsePositive(flag: string, text: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag}: '${text}' is not a positive whole number\n${USAGE}`);
  return n;
}
