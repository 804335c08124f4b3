import { defineProject } from "vitest/config"
import { project } from "../../vitest.shared.ts"

// As in packages/storage-sql: with the shared "import"/"module" conditions, pg's require()
// picks pg-pool's ESM entry and fails ("Class extends value [object Module]"); keep only
// the source condition on top of Node's own.
const conditions = ["@metodika/source", "node"]
const shared = project("district-year", { testTimeout: 120_000 })

export default defineProject({
  ...shared,
  resolve: { ...shared.resolve, conditions },
  ssr: { ...shared.ssr, resolve: { ...shared.ssr?.resolve, conditions } },
})
