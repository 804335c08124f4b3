import { Duration, Effect, Option } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Backoff from "./Backoff.ts"

describe("Backoff", () => {
  it("starts at the base, grows by the factor and stops growing at the cap", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom(1.5, 2, 3),
        async (base, capTimes, factor) => {
          const cap = base * capTimes
          const schedule = Backoff.schedule({
            base: Duration.millis(base),
            cap: Duration.millis(cap),
            factor,
          })
          const delays = await Effect.runPromise(
            Effect.forEach([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], (n) =>
              Effect.map(Backoff.delayAfter(schedule, n), (d) =>
                Duration.toMillis(Option.getOrThrow(d)),
              ),
            ),
          )
          expect(delays[0]).toBe(Math.min(base, cap))
          for (let i = 1; i < delays.length; i++) {
            expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!)
            expect(delays[i]).toBeLessThanOrEqual(cap)
            const grown = base * factor ** i
            expect(delays[i]).toBeCloseTo(Math.min(grown, cap), 0)
          }
        },
      ),
      { numRuns: 100 },
    )
  })

  it("reports no delay once a limited schedule has stopped", async () => {
    const { Schedule } = await import("effect")
    const limited = Backoff.schedule({ base: "1 second", cap: "1 minute" }).pipe(
      Schedule.upTo({ times: 2 }),
    )
    const delays = await Effect.runPromise(
      Effect.forEach([1, 2, 3], (n) => Backoff.delayAfter(limited, n)),
    )
    expect(delays.map(Option.isSome)).toEqual([true, true, false])
  })
})
