/**
 * How the contract suites run a test program: against a layer built fresh for the
 * test, under `TestClock` set to a fixed instant, so adapters are checked with
 * simulated time. Integrators writing extra tests for their adapter can use the same
 * harness.
 *
 * @module
 */
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"

/** The instant every suite test starts at: 1 September 2026, 09:00 in Moscow. */
export const START: number = Date.parse("2026-09-01T06:00:00.000Z")

/**
 * Runs a program against a freshly built layer under `TestClock` set to {@link START}.
 * A failure rejects the promise, so the test fails with the typed error.
 *
 * @example
 * const run = runWith(() => InMemory.layer)
 * await run(Effect.gen(function* () { const store = yield* EventStore.EventStore; … }))
 */
export const runWith =
  <R>(makeLayer: () => Layer.Layer<R, unknown>) =>
  <A, E>(program: Effect.Effect<A, E, R | TestClock.TestClock>): Promise<A> =>
    Effect.runPromise(
      Effect.andThen(TestClock.setTime(START), program).pipe(
        Effect.provide(Layer.merge(makeLayer(), TestClock.layer())),
      ) as Effect.Effect<A, unknown>,
    )
