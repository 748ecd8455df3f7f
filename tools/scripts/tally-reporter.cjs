// Jest reporter that leaves one small JSON file per project in .test-results/, which
// run-tests.mjs adds up into the closing "N passed, N failed" line that CI reads.
const fs = require('node:fs');
const path = require('node:path');

class TallyReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const outDir = path.join(__dirname, '..', '..', '.test-results');
    fs.mkdirSync(outDir, { recursive: true });
    const name = path.basename(this.rootDir);
    const tally = {
      project: this.rootDir,
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(tally));
  }
}

module.exports = TallyReporter;
