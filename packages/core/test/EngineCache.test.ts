import { Effect, Result, Schema } from "effect"
import { describe, expect, it } from "vitest"
import * as Actor from "../src/Actor.ts"
import type * as Decider from "../src/Decider.ts"
import * as Engine from "../src/Engine.ts"
import { EventStore } from "../src/EventStore.ts"
import { DistrictId, PersonId, StreamId } from "../src/Ids.ts"
import * as InMemory from "../src/InMemory.ts"
import * as UnitOfWork from "../src/UnitOfWork.ts"
import { Comment, Draft, definition, StartReview, Submit } from "./ReviewDecider.ts"
import { decoratedMemory } from "./Stores.ts"

const district = DistrictId.make("d")
const everyone = Actor.make(PersonId.make("p"), district, ["teacher", "methodist"])
const stream = StreamId.make("review:cached")
const settings = { regulationFor: () => Effect.succeed({}) }

/** The in-memory store, counting stream reads. */
const countingStore = (reads: { n: number }) =>
  decoratedMemory((store) => ({
    readStream: (id) =>
      Effect.andThen(
        Effect.sync(() => reads.n++),
        store.readStream(id),
      ),
  }))

describe("Engine stream cache", () => {
  it("skips the read and fold for a stream it has just written", async () => {
    const reads = { n: 0 }
    const cached = Engine.make({ ...settings, cacheStreams: 10 })
    const program = Effect.gen(function* () {
      yield* cached.execute(definition, stream, new Draft({ title: "x" }), everyone)
      for (let i = 0; i < 5; i++) {
        yield* cached.execute(definition, stream, new Comment({ text: `${i}` }), everyone)
      }
      return yield* EventStore.use((s) => s.readStream(stream))
    })
    const stored = await Effect.runPromise(program.pipe(Effect.provide(countingStore(reads))))
    expect(stored.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6])
    // One read for the first command on the new stream, one for the check above.
    expect(reads.n).toBe(2)
  })

  it("recovers from another writer through the version conflict, losing nothing", async () => {
    const cached = Engine.make({ ...settings, cacheStreams: 10 })
    const other = Engine.make(settings)
    const program = Effect.gen(function* () {
      yield* cached.execute(definition, stream, new Draft({ title: "x" }), everyone)
      yield* other.execute(definition, stream, new Comment({ text: "other" }), everyone)
      const done = yield* cached.execute(
        definition,
        stream,
        new Comment({ text: "mine" }),
        everyone,
      )
      const stored = yield* EventStore.use((s) => s.readStream(stream))
      return { done, stored }
    })
    const { done, stored } = await Effect.runPromise(program.pipe(Effect.provide(InMemory.layer)))
    expect(done.version).toBe(3)
    expect(done.state.comments).toBe(2)
    expect(stored.map((e) => (e.data as { text?: string }).text)).toEqual([
      undefined,
      "other",
      "mine",
    ])
  })

  it("does not refuse on a stale cached state: it checks the store first", async () => {
    const cached = Engine.make({ ...settings, cacheStreams: 10 })
    const other = Engine.make(settings)
    const program = Effect.gen(function* () {
      yield* cached.execute(definition, stream, new Draft({ title: "x" }), everyone)
      // The cache still says "draft"; the store says "submitted", where StartReview is allowed.
      yield* other.execute(definition, stream, new Submit({}), everyone)
      return yield* Effect.result(cached.execute(definition, stream, new StartReview({}), everyone))
    })
    const result = await Effect.runPromise(program.pipe(Effect.provide(InMemory.layer)))
    expect(Result.isSuccess(result) && result.success.state.status).toBe("in-review")
  })

  it("keeps at most the configured number of streams", async () => {
    const reads = { n: 0 }
    const cached = Engine.make({ ...settings, cacheStreams: 2 })
    const ids = ["a", "b", "c"].map((s) => StreamId.make(`review:${s}`))
    const program = Effect.gen(function* () {
      for (const id of ids)
        yield* cached.execute(definition, id, new Draft({ title: id }), everyone)
      const before = reads.n
      // "a" was evicted by "c": commenting on it reads it again; "c" is still cached.
      yield* cached.execute(definition, ids[0]!, new Comment({ text: "1" }), everyone)
      yield* cached.execute(definition, ids[2]!, new Comment({ text: "2" }), everyone)
      return reads.n - before
    })
    const extraReads = await Effect.runPromise(program.pipe(Effect.provide(countingStore(reads))))
    expect(extraReads).toBe(1)
  })
})

describe("Engine in a unit of work", () => {
  it("commits the commands of a unit together and none of them when it fails", async () => {
    const engine = Engine.make({ ...settings, cacheStreams: 10 })
    const a = StreamId.make("review:a")
    const b = StreamId.make("review:b")
    const program = Effect.gen(function* () {
      yield* UnitOfWork.run(
        Effect.all([
          engine.execute(definition, a, new Draft({ title: "a" }), everyone),
          engine.execute(definition, b, new Draft({ title: "b" }), everyone),
        ]),
      )
      const failed = yield* Effect.result(
        UnitOfWork.run(
          Effect.gen(function* () {
            yield* engine.execute(definition, a, new Comment({ text: "1" }), everyone)
            yield* engine.execute(definition, b, new Comment({ text: "2" }), everyone)
            // Refused: a draft cannot be taken into review.
            yield* engine.execute(definition, a, new StartReview({}), everyone)
          }),
        ),
      )
      const read = (id: StreamId) =>
        EventStore.use((s) => s.readStream(id)).pipe(Effect.map((es) => es.map((e) => e.type)))
      return { failed, a: yield* read(a), b: yield* read(b) }
    })
    const out = await Effect.runPromise(program.pipe(Effect.provide(InMemory.layer)))
    expect(Result.isFailure(out.failed)).toBe(true)
    expect(out.a).toEqual(["Drafted"])
    expect(out.b).toEqual(["Drafted"])
  })

  it("forgets what a rolled-back unit wrote: the next command decides on the store's state", async () => {
    const cached = Engine.make({ ...settings, cacheStreams: 10 })
    const other = Engine.make(settings)
    const program = Effect.gen(function* () {
      yield* cached.execute(definition, stream, new Draft({ title: "x" }), everyone)
      yield* Effect.result(
        UnitOfWork.run(
          Effect.andThen(
            cached.execute(definition, stream, new Submit({}), everyone),
            Effect.fail("rolled back"),
          ),
        ),
      )
      // The store is at version 1 again; another writer takes version 2.
      yield* other.execute(definition, stream, new Comment({ text: "other" }), everyone)
      // A stale cache ("submitted", v2) would let this through at the expected version 2.
      const review = yield* Effect.result(
        cached.execute(definition, stream, new StartReview({}), everyone),
      )
      const stored = yield* EventStore.use((s) => s.readStream(stream))
      return { review, stored: stored.map((e) => e.type) }
    })
    const out = await Effect.runPromise(program.pipe(Effect.provide(InMemory.layer)))
    expect(Result.isFailure(out.review)).toBe(true)
    expect(out.stored).toEqual(["Drafted", "Commented"])
  })
})

describe("Engine cache and units of work of other fibers", () => {
  /** A counter whose `Peek` changes nothing: the engine answers it with the state it has. */
  const Bumped = Schema.TaggedStruct("Bumped", { n: Schema.Int })
  type Command = { readonly _tag: "Bump" } | { readonly _tag: "Peek" }
  const counter: Decider.Definition<
    Command,
    typeof Bumped.Type,
    number,
    never,
    Decider.DecisionContext<unknown>
  > = {
    streamType: "counter",
    eventSchema: Bumped,
    initialState: 0,
    decide: (command, state) =>
      Result.succeed(command._tag === "Bump" ? [{ _tag: "Bumped", n: state + 1 }] : []),
    evolve: (_state, event) => event.n,
  }
  const id = StreamId.make("counter:peek")

  it('reads the store for "nothing to do" on a state a unit of another fiber wrote', async () => {
    const reads = { n: 0 }
    const engine = Engine.make({ ...settings, cacheStreams: 10 })
    const program = Effect.gen(function* () {
      yield* UnitOfWork.run(engine.execute(counter, id, { _tag: "Bump" }, everyone))
      const before = reads.n
      // Outside that unit: the entry is the unit's, so the engine checks the store.
      const peek = yield* engine.execute(counter, id, { _tag: "Peek" }, everyone)
      // Inside a unit that wrote it itself, the cached state stands.
      const inside = yield* UnitOfWork.run(
        Effect.andThen(
          engine.execute(counter, id, { _tag: "Bump" }, everyone),
          Effect.sync(() => reads.n),
        ).pipe(
          Effect.flatMap((n) =>
            Effect.map(engine.execute(counter, id, { _tag: "Peek" }, everyone), (p) => ({
              p,
              extra: reads.n - n,
            })),
          ),
        ),
      )
      return { peek, readsForPeek: reads.n - before, inside }
    })
    const out = await Effect.runPromise(program.pipe(Effect.provide(countingStore(reads))))
    expect(out.peek.state).toBe(1)
    expect(out.readsForPeek).toBe(1)
    expect(out.inside.p.state).toBe(2)
    expect(out.inside.extra).toBe(0)
  })
})
