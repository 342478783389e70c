// A Playwright reporter that ends the run with one line CI reads: `N passed, N failed, N skipped`.
import type { FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
  private root: Suite | undefined;
  private globalErrors = 0;

  onBegin(_config: unknown, suite: Suite): void {
    this.root = suite;
  }

  /** An error outside any test (global setup, a file that does not load) fails the run: count it as a failure. */
  onError(_error: TestError): void {
    this.globalErrors += 1;
  }

  printsToStdio(): boolean {
    return true;
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = this.globalErrors;
    let skipped = 0;
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected' || outcome === 'flaky') passed += 1;
      else if (outcome === 'skipped') skipped += 1;
      else failed += 1;
    }
    // A run stopped early (timeout, interrupt) with nothing failed is still not a pass.
    if (failed === 0 && result.status !== 'passed') failed = 1;
    process.stdout.write(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  }
}
