/**
 * The deficits found by the unified methodical day (EMD-2.1), as a read model folded
 * from the day decisions of the cycles and from the progress sheets, in the shape of
 * `Deficit` that progress tracking reads. A deficit from a day is dated on the day; one
 * from a sheet on the last day of the sheet's month.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import type { StoredEvent } from "../EventStore.ts"
import { OrganisationId, type PersonId } from "../Ids.ts"
import * as Deficit from "./Deficit.ts"
import * as Projection from "./Projection.ts"
import * as YearMonth from "./YearMonth.ts"

/** The read model's state: the deficits in log order, and where each cycle stands. */
export const State = Schema.Struct({
  position: Schema.Number,
  skipped: Schema.Array(Projection.Skipped),
  deficits: Schema.Array(Deficit.Deficit),
  /** The school and current date of each cycle stream. */
  cycles: Schema.Record(
    Schema.String,
    Schema.Struct({ schoolId: OrganisationId, date: LocalDate.LocalDate }),
  ),
})
/** @see State */
export type State = typeof State.Type

/** The state before any event. */
export const initialState: State = { position: 0, skipped: [], deficits: [], cycles: {} }

const apply = (state: State, e: Projection.EmdEvent): State => {
  if (e.kind === "cycle") {
    switch (e.event._tag) {
      case "CycleOpened":
        return {
          ...state,
          cycles: {
            ...state.cycles,
            [e.streamId]: { schoolId: e.event.schoolId, date: e.event.date },
          },
        }
      case "DayRescheduled": {
        const cycle = state.cycles[e.streamId]
        if (cycle === undefined) return state
        return {
          ...state,
          cycles: { ...state.cycles, [e.streamId]: { ...cycle, date: e.event.to } },
        }
      }
      case "DecisionSent": {
        const cycle = state.cycles[e.streamId]
        if (cycle === undefined || e.event.deficits.length === 0) return state
        const found = Deficit.fromNotes(e.event.deficits, cycle.date, {
          _tag: "EmdDay",
          schoolId: cycle.schoolId,
          date: cycle.date,
        })
        return { ...state, deficits: [...state.deficits, ...found] }
      }
      default:
        return state
    }
  }
  if (e.kind === "sheet" && e.event._tag === "SheetSubmitted") {
    const { schoolId, month, entries } = e.event
    const notes = entries.flatMap((entry) =>
      entry.deficits.map((d) => ({
        personId: entry.personId,
        area: d.area,
        description: d.description,
      })),
    )
    if (notes.length === 0) return state
    const found = Deficit.fromNotes(notes, YearMonth.lastDay(month), {
      _tag: "ProgressSheet",
      schoolId,
      month,
    })
    return { ...state, deficits: [...state.deficits, ...found] }
  }
  return state
}

/** Folds one stored event into the deficit log. */
export const project: (state: State, stored: StoredEvent) => State = Projection.projector(apply)

/** The deficit log as a read model. */
export const readModel: Projection.ReadModel<State> = {
  name: "emd-deficit-log",
  initialState,
  project,
  stateSchema: State,
}

/** EMD-2.1: one person's deficits, in the order they were found. */
export const forPerson = (state: State, personId: PersonId): ReadonlyArray<Deficit.Deficit> =>
  state.deficits.filter((d) => d.personId === personId)

/** EMD-2.1: the deficits found in a school, optionally from a date on. */
export const forSchool = (
  state: State,
  schoolId: OrganisationId,
  from?: LocalDate.LocalDate,
): ReadonlyArray<Deficit.Deficit> =>
  state.deficits.filter(
    (d) => d.source.schoolId === schoolId && (from === undefined || d.foundOn >= from),
  )
