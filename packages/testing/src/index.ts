/** @packageDocumentation */
export const VERSION = "0.0.0"
export * as AssetArbitraries from "./arbitraries/Asset.ts"
export * as KernelArbitraries from "./arbitraries/Kernel.ts"
export * as DeciderSpec from "./DeciderSpec.ts"
export * as EventStoreSuite from "./EventStoreSuite.ts"
export * as Harness from "./Harness.ts"
export * as NotifierSuite from "./NotifierSuite.ts"
export * as OutboxSuite from "./OutboxSuite.ts"
