/**
 * The `UnitOfWork` port: several appends, of several commands on several streams, with
 * their outbox messages, committed together or not at all.
 *
 * Every `EventStore.append` is already atomic on its own; a unit of work is for the
 * caller that wants more: a request that runs three commands and must not leave the
 * first two recorded when the third fails, or a simulation or an import that runs
 * thousands of commands and should not pay one commit for each.
 *
 * ```ts
 * const both = UnitOfWork.run(
 *   Effect.all([
 *     engine.execute(Cycle.definition, cycle, new Cycle.IssueMaterials(…), actor),
 *     engine.execute(Year.definition, year, new Year.AssignTopic(…), actor),
 *   ]),
 * )
 * ```
 *
 * Inside `run`, the `EventStore` and the `Outbox` in context are the unit's own: what they
 * read includes what the unit wrote. When the effect succeeds the unit commits; when it
 * fails, dies or is interrupted, nothing it wrote remains and the failure comes out
 * unchanged. A unit run inside another unit is nested: its failure undoes only its own
 * writes (a savepoint), and its writes commit with the outer unit. One append that fails
 * inside a unit (a `VersionConflict`, say) leaves the unit usable: the engine retries it
 * there, and the unit's other appends stand.
 *
 * Inside `run`, use the services the context gives there (`yield* EventStore.EventStore`
 * inside the effect): they are the unit's. A service taken from the context before the
 * unit began is the store's own, and its writes (on SQLite, also its reads) wait for the
 * unit to end: used inside the unit, it waits for ever. Beginning a unit waits, and
 * cannot be interrupted while it waits, for the connection or the in-memory write gate:
 * as long as another unit of the process holds it, or as the store's own `busy_timeout`
 * or pool timeout allow. After the unit has ended its services refuse to run (a
 * `StoreError`), also for work of its fibers still in flight when it rolled back.
 *
 * Isolation is the store's: the SQL stores hold one connection and one database
 * transaction for the unit, so other writers wait (SQLite) or do not see it before it
 * commits (PostgreSQL); the in-memory store makes other writers wait but lets readers see
 * the unit's writes before it commits.
 *
 * Adapters: `InMemory` of this package and the stores of `@metodika/storage-sql`; the
 * contract suite `UnitOfWorkSuite` of `@metodika/testing` holds them all to this text.
 *
 * @module
 */
import { Context, Effect, Exit, Option, Scope } from "effect"
import type { StoreError } from "./EventStore.ts"

/** A unit of work in progress, as the code running inside it sees it. */
export interface CurrentShape {
  /**
   * Registers what to undo in memory if the unit does not commit: a cache that took in
   * the unit's writes, say. Undos run in reverse order of registration, once. A nested
   * unit that commits hands its undos to the unit around it.
   */
  readonly onRollback: (undo: () => void) => void
}

/** Present in the context of an effect that runs inside a unit of work. */
export class Current extends Context.Service<Current, CurrentShape>()(
  "@metodika/core/UnitOfWork/Current",
) {}

/**
 * The `Current` of an effect that {@link run} ran where the store offers no unit of work:
 * every append commits on its own, and nothing is ever rolled back.
 */
export const detached: CurrentShape = Current.of({ onRollback: () => {} })

/** The port: runs an effect as one unit of work. */
export class UnitOfWork extends Context.Service<
  UnitOfWork,
  {
    /**
     * Runs `effect` with the store's services bound to one unit of work, and commits what
     * it wrote when it succeeds; rolls everything back when it fails, dies or is
     * interrupted, and fails with what `effect` failed with. A failure to begin or to
     * commit is a `StoreError`, and then nothing is committed either.
     */
    readonly run: <A, E, R>(
      effect: Effect.Effect<A, E, R>,
    ) => Effect.Effect<A, E | StoreError, Exclude<R, Current>>
  }
>()("@metodika/core/UnitOfWork") {}

/**
 * Runs `effect` as one unit of work of the store in context; where the store offers
 * none, `effect` runs as it is, each append committing on its own (and rollback hooks
 * registered with {@link Current} are never called).
 */
export const run = <A, E, R>(
  effect: Effect.Effect<A, E, R>,
): Effect.Effect<A, E | StoreError, Exclude<R, Current>> =>
  Effect.flatMap(
    Effect.serviceOption(UnitOfWork),
    (unit): Effect.Effect<A, E | StoreError, Exclude<R, Current>> =>
      Option.isSome(unit)
        ? unit.value.run(effect)
        : // Without a unit of work nothing is ever rolled back: the hooks are never called.
          Effect.provideService(effect, Current, detached),
  )

/** A database transaction (or savepoint) an adapter has opened for a unit of work. */
export interface Transaction {
  /**
   * The services bound to the transaction (at least `EventStore`, `Outbox` and a
   * `UnitOfWork` that nests), provided to the unit's effect over the caller's context.
   */
  readonly context: Context.Context<never>
  /** Makes the unit's writes durable (or, nested, part of the unit around it). */
  readonly commit: Effect.Effect<void, StoreError>
  /** Undoes the unit's writes; must not fail for want of anything to undo. */
  readonly rollback: Effect.Effect<void, StoreError>
}

/**
 * Builds the port from how an adapter opens a transaction. `begin` runs in a scope that
 * closes after the commit or the rollback (release the connection there). The
 * rest is the same for every adapter and done here: the rollback on failure,
 * interruption and defect, the undo hooks of {@link Current}, and nesting of the hooks.
 */
export const make = (
  begin: Effect.Effect<Transaction, StoreError, Scope.Scope>,
): UnitOfWork["Service"] =>
  UnitOfWork.of({
    run: <A, E, R>(
      effect: Effect.Effect<A, E, R>,
    ): Effect.Effect<A, E | StoreError, Exclude<R, Current>> =>
      Effect.uninterruptibleMask((restore) =>
        Effect.gen(function* () {
          const outer = yield* Effect.serviceOption(Current)
          const scope = yield* Scope.make()
          const opened = yield* Effect.exit(Scope.provide(begin, scope))
          if (Exit.isFailure(opened)) {
            yield* Scope.close(scope, opened)
            return yield* Effect.failCause(opened.cause)
          }
          const transaction = opened.value
          const undos: Array<() => void> = []
          const current = Current.of({ onRollback: (undo) => void undos.push(undo) })
          const undo = () => {
            for (let i = undos.length - 1; i >= 0; i--) undos[i]!()
            undos.length = 0
          }
          const bound: Effect.Effect<A, E, Exclude<R, Current>> = Effect.provideService(
            Effect.provideContext(effect, transaction.context),
            Current,
            current,
          )
          const exit = yield* Effect.exit(restore(bound))
          let outcome: Exit.Exit<A, E | StoreError> = exit
          if (Exit.isSuccess(exit)) {
            const committed = yield* Effect.exit(transaction.commit)
            if (Exit.isSuccess(committed)) {
              if (Option.isSome(outer)) for (const u of undos) outer.value.onRollback(u)
            } else {
              outcome = committed as Exit.Exit<never, StoreError>
            }
          }
          if (Exit.isFailure(outcome)) {
            yield* Effect.ignore(transaction.rollback)
            undo()
          }
          yield* Scope.close(scope, outcome)
          return yield* outcome
        }),
      ),
  })
