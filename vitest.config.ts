import { defineConfig } from "vitest/config"

// Vitest 5 no longer reads vitest.workspace.ts: the projects are listed here
// (docs/decisions/0001-vitest-projects.md).
export default defineConfig({
  test: {
    projects: ["packages/*", "examples/*"],
    reporters: ["default", "./scripts/summary-reporter.ts"],
  },
})
