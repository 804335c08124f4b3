/**
 * Given/when/then specifications for deciders, so integrators test their own formats
 * the way the library tests its own: given the events already in the stream, when a
 * command is decided in a context, then these events are recorded, or the command is
 * refused with this error.
 *
 * The helper needs no test runner: a failed expectation throws Node's
 * `AssertionError` with a diff, which Vitest, Jest and `node:test` all report.
 *
 * @example
 * const spec = deciderSpec(UnifiedDay.definition)
 *
 * it("EMD-2.10 accepts late questions and marks them late", () => {
 *   spec
 *     .given([dayAnnounced, topicsPublished])
 *     .when(submitQuestions, { now: afterDeadline, actor: teacher, regulation })
 *     .then([new QuestionsSubmitted({ ..., late: true })])
 * })
 *
 * it("EMD-2.3 refuses a teacher announcing the day", () => {
 *   spec.given([]).when(announceDay, { now, actor: teacher, regulation }).thenFails("Forbidden")
 * })
 *
 * @module
 */
import { AssertionError, deepStrictEqual } from "node:assert"
import type { Decider } from "@metodika/core"
import { Result } from "effect"

/** The `_tag` of an error type, or `string` when the errors carry no tag. */
export type TagOf<E> = E extends { readonly _tag: infer T extends string } ? T : string

/** The assertions available after `when`. */
export interface Then<Event, State, Error> {
  /**
   * Asserts the decision recorded exactly these events (deep, strict equality, so
   * Schema class instances are compared field by field and by class). Returns the
   * state after them.
   */
  readonly then: (expected: ReadonlyArray<Event>) => State
  /** Asserts the decision recorded no events (an idempotent command). */
  readonly thenNothing: () => State
  /**
   * Asserts the command was refused with an error of this tag. Returns the error for
   * further checks of its fields.
   */
  readonly thenFails: <T extends TagOf<Error>>(tag: T) => Extract<Error, { readonly _tag: T }>
}

/** The step after `given`. */
export interface When<Command, Event, State, Error, Context> {
  /** Decides `command` in `context` against the state the given events lead to. */
  readonly when: (command: Command, context: Context) => Then<Event, State, Error>
}

/** A specification of one decider. */
export interface DeciderSpecification<Command, Event, State, Error, Context> {
  /** The events already in the stream, oldest first (`[]` for a new stream). */
  readonly given: (events: ReadonlyArray<Event>) => When<Command, Event, State, Error, Context>
}

const describeError = (error: unknown): string => {
  if (typeof error === "object" && error !== null && "_tag" in error) {
    const message = error instanceof Error && error.message !== "" ? `: ${error.message}` : ""
    return `${String(error._tag)}${message}`
  }
  return String(error)
}

/**
 * Makes a given/when/then specification of a decider.
 *
 * @example
 * deciderSpec(counter).given([incremented]).when(increment, context).then([incrementedAgain])
 */
export const deciderSpec = <Command, Event, State, Error, Context>(
  decider: Decider.Decider<Command, Event, State, Error, Context>,
): DeciderSpecification<Command, Event, State, Error, Context> => ({
  given: (given) => ({
    when: (command, context) => {
      const state = given.reduce(decider.evolve, decider.initialState)
      const decided = decider.decide(command, state, context)
      const events = (): ReadonlyArray<Event> => {
        if (Result.isSuccess(decided)) return decided.success
        throw new AssertionError({
          message: `expected events, but the command was refused with ${describeError(decided.failure)}`,
          actual: decided.failure,
        })
      }
      return {
        // biome-ignore lint/suspicious/noThenProperty: given/when/then is the established vocabulary of decider specifications (emmett); awaiting the object is caught below.
        then: (expected) => {
          if (typeof expected === "function") {
            throw new TypeError("a decider specification is synchronous: do not await `when(...)`")
          }
          const recorded = events()
          deepStrictEqual([...recorded], [...expected], "the decision recorded other events")
          return recorded.reduce(decider.evolve, state)
        },
        thenNothing: () => {
          const recorded = events()
          deepStrictEqual([...recorded], [], "expected no events")
          return state
        },
        thenFails: (tag) => {
          if (Result.isSuccess(decided)) {
            throw new AssertionError({
              message: `expected a refusal with ${tag}, but the command recorded ${decided.success.length} event(s)`,
              actual: decided.success,
              expected: tag,
            })
          }
          const error = decided.failure
          const actualTag =
            typeof error === "object" && error !== null && "_tag" in error ? error._tag : undefined
          if (actualTag !== tag) {
            throw new AssertionError({
              message: `expected a refusal with ${tag}, got ${describeError(error)}`,
              actual: actualTag,
              expected: tag,
            })
          }
          return error as Extract<Error, { readonly _tag: typeof tag }>
        },
      }
    },
  }),
})
