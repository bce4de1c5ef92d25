// Prints the slowest test files (so a slow CI run shows where its time went) and the plain closing line CI reads
// from any runner ("N passed, N failed, N skipped"); .ci/run repeats it last.
const SLOWEST = 15;

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = results;
    const files = results.testResults
      .map((r) => ({ file: r.testFilePath.slice(process.cwd().length + 1), seconds: (r.perfStats.end - r.perfStats.start) / 1000 }))
      .sort((a, b) => b.seconds - a.seconds);
    if (files.length > 1) {
      const total = files.reduce((sum, f) => sum + f.seconds, 0);
      const lines = files.slice(0, SLOWEST).map((f) => `${f.seconds.toFixed(1).padStart(7)} s  ${f.file}`);
      process.stderr.write(`\nslowest test files (of ${files.length}, ${Math.round(total)} s in all):\n${lines.join('\n')}\n`);
    }
    // A suite that failed to load counts as a failure even though none of its tests ran.
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    process.stderr.write(`\n${numPassedTests} passed, ${failed} failed, ${numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
