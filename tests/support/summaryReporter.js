// Prints one plain closing line, "tests: N passed, N failed[, N skipped]", so CI can read the outcome at a glance.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numFailedTestSuites - countSuitesWithFailedTests(results);
    const failed = results.numFailedTests + Math.max(0, failedSuites);
    const tail = skipped ? `, ${skipped} skipped` : "";
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed${tail}\n`);
  }
}

// A suite that fails to load has no failed tests of its own: count it as one failure so it cannot hide.
function countSuitesWithFailedTests(results) {
  return results.testResults.filter((suite) => suite.numFailingTests > 0).length;
}

module.exports = SummaryReporter;
