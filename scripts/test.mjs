#!/usr/bin/env node
// Runs every test: type checks, the Node test suite, then the real-browser suite in Chromium.
// Finds the browser ($CHROME_PATH or the usual places); as root on Debian with none present it
// installs Debian's chromium package; otherwise it stops and names what to install.
// The server's storage tests also run on PostgreSQL: on the server ORDINANCE_REDLINE_TEST_POSTGRES
// names (an administrator's URL), else on a throwaway server started here for the run.
// Ends with one plain line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { startTestPostgres } from "./postgresForTests.mjs";

const BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];
const OUT = "test-output";

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function findBrowser() {
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist.`);
    process.exit(1);
  }
  const found = BROWSERS.find((path) => existsSync(path));
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/etc/debian_version")) {
    console.log("No Chromium found; installing Debian's chromium package…");
    run("apt-get", ["update", "-qq"]);
    if (run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" }) === 0 && existsSync("/usr/bin/chromium")) {
      return "/usr/bin/chromium";
    }
  }
  console.error("The browser tests need Chromium or Chrome. Install Debian's 'chromium' package (sudo apt-get install chromium) or set CHROME_PATH to a Chrome binary.");
  process.exit(1);
}

/** Passed and failed counts from a vitest JSON report; a missing report counts as one failure. */
function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8"));
  const failedSuites = report.testResults.filter((suite) => suite.status === "failed" && suite.assertionResults.length === 0).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + failedSuites };
}

const chrome = findBrowser();
rmSync(`${OUT}/reports`, { recursive: true, force: true });
mkdirSync(`${OUT}/reports`, { recursive: true });

let passed = 0;
let failed = 0;
// The command-line tests run the bundle a user's install builds (npm's prepare step); build it
// from the sources as they are now.
console.log("\n▶ command-line bundle");
if (run(process.execPath, ["scripts/buildCli.mjs"]) === 0) passed += 1;
else failed += 1;
for (const [name, config] of [["typecheck (app)", "tsconfig.json"], ["typecheck (core: no DOM)", "tsconfig.core.json"]]) {
  console.log(`\n▶ ${name}`);
  if (run("npx", ["tsc", "-p", config, "--noEmit"]) === 0) passed += 1;
  else failed += 1;
}
const postgresEnv = {};
let postgres = null;
if (!process.env.ORDINANCE_REDLINE_TEST_POSTGRES) {
  console.log("\n▶ PostgreSQL for the storage tests");
  postgres = await startTestPostgres();
  if (postgres.url) {
    postgresEnv.ORDINANCE_REDLINE_TEST_POSTGRES = postgres.url;
    console.log(`started on ${postgres.url}`);
  } else {
    console.log(`not started: ${postgres.reason}. The PostgreSQL tests will say so.`);
  }
}
process.on("exit", () => postgres?.stop?.());
process.on("SIGINT", () => process.exit(130));
// The server's tests through the API and real clients, once more on PostgreSQL (the storage
// contract and crash tests already run on both storages in the unit run).
const SERVER_ON_POSTGRES = ["test/server/accounts.test.ts", "test/server/auditTrail.test.ts", "test/server/collab.test.ts", "test/server/drafts.test.ts", "test/server/roleRace.test.ts", "test/server/reviewerComments.test.ts"];
const suites = [["unit", "vitest.config.ts", [], {}], ["browser", "vitest.browser.config.ts", [], {}]];
if (process.env.ORDINANCE_REDLINE_TEST_POSTGRES || postgresEnv.ORDINANCE_REDLINE_TEST_POSTGRES) {
  suites.splice(1, 0, ["server on PostgreSQL", "vitest.config.ts", SERVER_ON_POSTGRES, { ORDINANCE_REDLINE_SERVER_STORAGE: "postgres" }]);
}
for (const [name, config, files, env] of suites) {
  console.log(`\n▶ ${name} tests`);
  const report = `${OUT}/reports/${name.replace(/\W+/g, "-")}.json`;
  run("npx", ["vitest", "run", "--config", config, ...files, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { CHROME_PATH: chrome, ...postgresEnv, ...env });
  const result = counts(report);
  passed += result.passed;
  failed += result.failed;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
