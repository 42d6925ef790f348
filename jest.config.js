/** Tests run TypeScript sources directly (ts-jest, transpile only: `npm run build` type-checks the package). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/bench"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // Provider warnings without an engine are kept for the tests to read, not written to stderr (tests/support/providerWarnings.ts).
  setupFiles: ["<rootDir>/tests/support/fastCheckSeed.js", "<rootDir>/tests/support/captureProviderWarnings.ts"],
  // Marks the run's processes, and fails the run when any is left running at the end (tests/support/globalTeardown.ts).
  globalSetup: "<rootDir>/tests/support/globalSetup.ts",
  globalTeardown: "<rootDir>/tests/support/globalTeardown.ts",
  reporters: ["default", "<rootDir>/tests/support/summaryReporter.js"],
  testTimeout: 30000,
};
