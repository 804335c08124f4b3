/**
 * One run of the district's year on a store, wired as an integrator would: the engine
 * with the district's regulation resolver, the notification policy over the district's
 * directory, the store's layer from `--db`, the dispatcher sending through `channel`
 * every simulated morning; then the read models and the figures. Shared by the demo,
 * the end-to-end test and the benchmark.
 *
 * @module
 */
import { Engine, NotificationPolicy, type Notifier, Regulations } from "@metodika/core"
import { Effect, type Scope } from "effect"
import type * as District from "./District.ts"
import * as Figures from "./Figures.ts"
import * as Notifications from "./Notifications.ts"
import * as Simulation from "./Simulation.ts"
import * as Store from "./Store.ts"

/** Options of {@link run}. */
export interface Options {
  readonly district: District.District
  readonly startYear: number
  readonly seed: number
  /** A SQLite path or a PostgreSQL URL; emptied first. */
  readonly db: string
  /** The first and last day of the simulated span (ISO); the whole year when absent. */
  readonly from?: string
  readonly to?: string
  /**
   * Where notifications go (made in the run's scope, so an SMTP server can live there);
   * none: the policy is switched off and nothing is recorded in the outbox.
   */
  readonly channel?: Effect.Effect<Notifier.Channel, unknown, Scope.Scope>
  readonly onProgress?: (done: number, total: number, label: string) => void
  /** How commands commit (see `Simulation.Options.commit`). */
  readonly commit?: "per-day" | "per-command"
}

/** What a run gives. */
export interface Outcome {
  readonly stats: Simulation.Stats
  readonly models: Figures.ReadModels
  readonly figures: Figures.Figures
  /** The curator of each low-results school, by school id (full name). */
  readonly curators: ReadonlyMap<string, string>
}

/** Runs the year on `options.db` and reads the figures back from the store. */
export const run = (options: Options): Effect.Effect<Outcome, unknown> =>
  Effect.andThen(
    Effect.tryPromise(() => Store.reset(options.db)),
    year(options).pipe(Effect.provide(Store.layer(options.db)), Effect.scoped),
  )

const year = (options: Options) =>
  Effect.gen(function* () {
    const { district } = options
    const engine = Engine.make({
      regulationFor: Regulations.resolver([district.regulation]),
      // One process writes the year: commands skip the read and fold of a known stream.
      cacheStreams: 10_000,
    })
    const directory = Notifications.directory(district)
    const curators = new Map<string, string>()
    const channel = options.channel === undefined ? undefined : yield* options.channel
    const stats = yield* Simulation.run(engine, {
      district,
      startYear: options.startYear,
      seed: options.seed,
      ...(options.from === undefined ? {} : { from: options.from }),
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.commit === undefined ? {} : { commit: options.commit }),
      onPlanned: (year) => {
        if (year._tag !== "Planned") return
        for (const p of year.curators) {
          // EMD-2.3: the curator's grant, as `Year.roleGrants` gives it, for the policy too.
          directory.grant(p.curatorId, { role: "curator", organisationId: p.schoolId })
          const school = district.schools.find((s) => s.leader.id === p.curatorId)
          if (school !== undefined) curators.set(p.schoolId, school.leader.fullName)
        }
      },
      ...(channel === undefined ? {} : { dispatch: Notifications.dispatch(channel) }),
    }).pipe(
      Effect.provideService(
        NotificationPolicy.NotificationPolicy,
        channel === undefined ? { messagesFor: () => [] } : Notifications.policy(directory),
      ),
    )
    const models = yield* Figures.readModels
    const figures = Figures.compute(
      models,
      district,
      stats.dates,
      stats.months,
      curators,
      stats.endedAt,
    )
    const outcome: Outcome = { stats, models, figures, curators }
    return outcome
  })
