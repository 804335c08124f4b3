/**
 * A tiny seeded pseudo-random generator (mulberry32) for the simulation: the same seed
 * gives the same district and the same year, run after run. `Math.random` is never
 * used, so a run is reproducible from its `--seed`.
 *
 * @module
 */

/** A seeded source of numbers in [0, 1) with a few helpers. */
export interface Rng {
  /** The next number in [0, 1). */
  readonly next: () => number
  /** An integer in [min, max]. */
  readonly int: (min: number, max: number) => number
  /** `true` with probability `p`. */
  readonly chance: (p: number) => boolean
  /** One element of a non-empty list. */
  readonly pick: <A>(items: ReadonlyArray<A>) => A
  /** A copy of `items` in a shuffled order. */
  readonly shuffle: <A>(items: ReadonlyArray<A>) => Array<A>
  /** An independent generator derived from this one's seed and `label`. */
  readonly fork: (label: string) => Rng
}

const hash = (text: string, seed: number): number => {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * A mulberry32 generator from a 32-bit seed.
 *
 * @example
 * const rng = Random.make(42)
 * rng.chance(0.2) // the same answer every run with seed 42
 */
export const make = (seed: number): Rng => {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    shuffle: (items) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const x = out[i] as (typeof out)[number]
        out[i] = out[j] as (typeof out)[number]
        out[j] = x
      }
      return out
    },
    fork: (label) => make(hash(label, seed)),
  }
}
