/**
 * `@metodika/core`: the pure domain of district methodical work. The kernel (ids,
 * actors, calendar, regulations), one decider per format, and the engine with its
 * ports (`EventStore`, `Outbox`, `Notifier`).
 *
 * @packageDocumentation
 */

export * as Actor from "./Actor.ts"
export * as Asset from "./asset/index.ts"
export * as Deadline from "./calendar/Deadline.ts"
export * as DistrictZones from "./calendar/DistrictZones.ts"
export * as LocalDate from "./calendar/LocalDate.ts"
export * as ProductionCalendar from "./calendar/ProductionCalendar.ts"
export * as RussianFederalCalendar from "./calendar/RussianFederalCalendar.ts"
export * as SchoolYear from "./calendar/SchoolYear.ts"
export * as WeeklySchedule from "./calendar/WeeklySchedule.ts"
export * as Decider from "./Decider.ts"
export * as Engine from "./Engine.ts"
export * as EventStore from "./EventStore.ts"
export * as Facade from "./Facade.ts"
export * as IdGenerator from "./IdGenerator.ts"
export * as Ids from "./Ids.ts"
export * as InMemory from "./InMemory.ts"
export * as Criteria from "./kernel/Criteria.ts"
export * as Decode from "./kernel/Decode.ts"
export * as District from "./kernel/District.ts"
export * as Education from "./kernel/Education.ts"
export * as Experience from "./kernel/Experience.ts"
export * as Order from "./kernel/Order.ts"
export * as Organisation from "./kernel/Organisation.ts"
export * as Period from "./kernel/Period.ts"
export * as Person from "./kernel/Person.ts"
export * as Presets from "./kernel/Presets.ts"
export * as Qualification from "./kernel/Qualification.ts"
export * as Regulation from "./kernel/Regulation.ts"
export * as ResultFlag from "./kernel/ResultFlag.ts"
export * as Settings from "./kernel/Settings.ts"
export * as Teacher from "./kernel/Teacher.ts"
export * as Text from "./kernel/Text.ts"
export * as NotificationPolicy from "./NotificationPolicy.ts"
export * as Notifier from "./Notifier.ts"
export * as Outbox from "./Outbox.ts"
export * as Regulations from "./Regulations.ts"
