/**
 * `@metodika/testing`: fast-check arbitraries for every domain type of `@metodika/core`
 * and the contract suites (`EventStoreSuite`, `OutboxSuite`, `UnitOfWorkSuite`, `NotifierSuite`) that any
 * adapter must pass, ours and an integrator's alike.
 *
 * @packageDocumentation
 */
export * as AssetArbitraries from "./arbitraries/Asset.ts"
export * as EngineArbitraries from "./arbitraries/Engine.ts"
export * as KernelArbitraries from "./arbitraries/Kernel.ts"
export * as DeciderSpec from "./DeciderSpec.ts"
export * as EventStoreSuite from "./EventStoreSuite.ts"
export * as Harness from "./Harness.ts"
export * as NotifierSuite from "./NotifierSuite.ts"
export * as OutboxSuite from "./OutboxSuite.ts"
export * as UnitOfWorkSuite from "./UnitOfWorkSuite.ts"
