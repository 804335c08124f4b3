import { project } from "../../vitest.shared.ts"

export default project("district-year", { testTimeout: 120_000 })
