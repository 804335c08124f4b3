/**
 * Identifiers of the domain as branded strings, so a school id can never be passed
 * where a teacher id is expected. Each decodes untrusted input with a readable error.
 *
 * @module
 */
import { Schema } from "effect"

const idString = (brand: string) =>
  Schema.String.check(
    Schema.isMinLength(1, { message: `${brand} must not be empty` }),
    Schema.isMaxLength(200, { message: `${brand} must be at most 200 characters` }),
    Schema.isPattern(/^[\p{L}\p{N}_.:\-/]+$/u, {
      message: `${brand} may contain only letters, digits and _ . : - /`,
    }),
  )

/** A district (район, городской округ): the tenant that owns everything else. */
export const DistrictId = idString("DistrictId").pipe(Schema.brand("DistrictId"))
/** @see DistrictId */
export type DistrictId = typeof DistrictId.Type

/** An organisation: school, kindergarten, centre, department, social partner. */
export const OrganisationId = idString("OrganisationId").pipe(Schema.brand("OrganisationId"))
/** @see OrganisationId */
export type OrganisationId = typeof OrganisationId.Type

/** A person: teacher, leader, methodist, coordinator, partner representative. */
export const PersonId = idString("PersonId").pipe(Schema.brand("PersonId"))
/** @see PersonId */
export type PersonId = typeof PersonId.Type

/** An order (приказ) as recorded in the library; its official number is separate. */
export const OrderId = idString("OrderId").pipe(Schema.brand("OrderId"))
/** @see OrderId */
export type OrderId = typeof OrderId.Type

/** A regulation (положение, регламент, программа) across all its versions. */
export const RegulationId = idString("RegulationId").pipe(Schema.brand("RegulationId"))
/** @see RegulationId */
export type RegulationId = typeof RegulationId.Type

/** An event stream: one decider instance (one school's day cycle, one membership, …). */
export const StreamId = idString("StreamId").pipe(Schema.brand("StreamId"))
/** @see StreamId */
export type StreamId = typeof StreamId.Type

/** One stored event; unique across the store, used to make re-appends idempotent. */
export const EventId = idString("EventId").pipe(Schema.brand("EventId"))
/** @see EventId */
export type EventId = typeof EventId.Type

/** One outbox message; doubles as the idempotency key that receivers see. */
export const MessageId = idString("MessageId").pipe(Schema.brand("MessageId"))
/** @see MessageId */
export type MessageId = typeof MessageId.Type

/** A topic of the unified methodical day or any other format. */
export const TopicId = idString("TopicId").pipe(Schema.brand("TopicId"))
/** @see TopicId */
export type TopicId = typeof TopicId.Type

/** An activity of a member of the municipal methodical asset (a consultation, a tutoring session). */
export const ActivityId = idString("ActivityId").pipe(Schema.brand("ActivityId"))
/** @see ActivityId */
export type ActivityId = typeof ActivityId.Type
