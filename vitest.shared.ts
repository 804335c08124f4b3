import { defineProject, type UserWorkspaceConfig } from "vitest/config"

// Vitest also hands these conditions to Node as `--conditions` flags, so they must not
// include "import" or "module": with them Node's require() inside pg picks pg-pool's ESM
// entry and pg fails to load ("Class extends value [object Module]").
const conditions = ["@metodika/source", "node"]

/**
 * The settings every package's Vitest project shares: workspace packages resolve to
 * their TypeScript sources through the `@metodika/source` export condition, so tests
 * need no build first.
 */
export const project = (name: string, extra: UserWorkspaceConfig["test"] = {}) =>
  defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...extra,
    },
  })
