import { defineProject, type UserWorkspaceConfig } from "vitest/config"

/**
 * The settings every package's Vitest project shares: workspace packages resolve to
 * their TypeScript sources through the `@metodika/source` export condition, so tests
 * need no build first.
 */
export const project = (name: string, extra: UserWorkspaceConfig["test"] = {}) =>
  defineProject({
    resolve: { conditions: ["@metodika/source", "module", "node", "import", "default"] },
    ssr: { resolve: { conditions: ["@metodika/source", "module", "node", "import", "default"] } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...extra,
    },
  })
