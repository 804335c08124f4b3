/**
 * Refusals shared by the deciders of the unified methodical day. Each decider's own
 * refusals live beside it; these are the ones several of them need.
 *
 * @module
 */
import { Schema } from "effect"

/**
 * The command is well-formed but its content does not fit (two decision items with one
 * id, a new date equal to the old one, a due date before the day).
 */
export class InvalidCommand extends Schema.TaggedError<InvalidCommand>()("InvalidCommand", {
  command: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `${this.command}: ${this.reason}`
  }
}

/**
 * EMD-1.2: a unified methodical day can only be held on a working day of the production
 * calendar; `detail` says what the day is instead (a holiday, a weekend, a day off).
 */
export class NotAWorkingDay extends Schema.TaggedError<NotAWorkingDay>()("NotAWorkingDay", {
  date: Schema.String,
  detail: Schema.String,
}) {
  override get message(): string {
    return `${this.date} is not a working day (${this.detail})`
  }
}

/**
 * EMD-2.14, 2.15: a teacher acts only on their own practice; `ownerId` is the teacher
 * whose record it is.
 */
export class NotOwnRecord extends Schema.TaggedError<NotOwnRecord>()("NotOwnRecord", {
  command: Schema.String,
  personId: Schema.String,
  ownerId: Schema.String,
}) {
  override get message(): string {
    return `${this.command}: ${this.personId} may act only on their own record, this one is ${this.ownerId}'s`
  }
}
