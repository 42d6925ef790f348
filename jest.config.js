/** Tests run TypeScript sources directly (ts-jest, transpile only: `npm run build` type-checks the package). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/bench"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/tests/support/fastCheckSeed.js"],
  reporters: ["default", "<rootDir>/tests/support/summaryReporter.js"],
  testTimeout: 30000,
};
