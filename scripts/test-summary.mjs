// Prints the suite's closing line in the plain form CI reads: "N passed, N failed".
import { readFileSync } from 'node:fs';

const file = process.argv[2];
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file whose setup failed reports its tests as skipped: they count as failed here.
  let setupFailures = 0;
  for (const suite of report.testResults ?? []) {
    const results = suite.assertionResults ?? [];
    if (suite.status === 'failed' && !results.some((r) => r.status === 'failed'))
      setupFailures += Math.max(1, results.filter((r) => r.status !== 'passed').length);
  }
  const failed = report.numFailedTests + setupFailures;
  const skipped = report.numPendingTests + report.numTodoTests - (setupFailures ? Math.min(setupFailures, report.numPendingTests) : 0);
  console.log(`\nTests: ${report.numPassedTests} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('\nTests: 0 passed, 1 failed');
}
