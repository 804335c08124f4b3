import { defineProject } from "vitest/config"
import { project } from "../../vitest.shared.ts"

// Vitest hands the resolve conditions to Node as `--conditions` flags, and the shared
// list contains "import" and "module": with them Node's require() inside pg picks
// pg-pool's ESM entry and pg fails to load ("Class extends value [object Module]").
// This project keeps only the source condition on top of Node's own.
const conditions = ["@metodika/source", "node"]
const shared = project("storage-sql")

export default defineProject({
  ...shared,
  resolve: { ...shared.resolve, conditions },
  ssr: { ...shared.ssr, resolve: { ...shared.ssr?.resolve, conditions } },
})
