/**
 * Where new ids come from. The default draws UUIDs from Effect's `Random`, so a test
 * or a simulation that seeds `Random` (`Random.withSeed`) gets the same ids every run;
 * {@link sequential} gives readable ids for examples and specifications.
 *
 * @module
 */
import { Context, Effect, Random } from "effect"

const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, "0").slice(-width)

/** A UUID version 4 drawn from Effect's `Random`. */
export const randomUuid: Effect.Effect<string> = Effect.map(
  Effect.all([Random.nextInt, Random.nextInt, Random.nextInt, Random.nextInt]),
  ([a, b, c, d]) => {
    const version = ((b >>> 16) & 0x0fff) | 0x4000
    const variant = ((c >>> 16) & 0x3fff) | 0x8000
    return `${hex(a, 8)}-${hex(b, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(c, 4)}${hex(d, 8)}`
  },
)

/** The id generator the engine uses for events and outbox messages. */
export const IdGenerator = Context.Reference<{ readonly next: Effect.Effect<string> }>(
  "@metodika/core/IdGenerator",
  { defaultValue: () => ({ next: randomUuid }) },
)

/** An id generator that counts: `prefix-1`, `prefix-2`, … (one counter per value). */
export const sequential = (prefix: string): { readonly next: Effect.Effect<string> } => {
  let n = 0
  return { next: Effect.sync(() => `${prefix}-${++n}`) }
}
