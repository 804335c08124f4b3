/**
 * The read model of the municipal methodical asset: members, the teachers assigned to
 * them, the activities they recorded and the deficits they found, folded from membership
 * events in their global order and rebuildable from zero.
 *
 * ASSET-5.2 (confidentiality of service information) is enforced here, not left to the
 * caller: the roster holds the personal data and answers only through queries that name
 * the viewer. A member sees the personal data and deficits of the teachers assigned to
 * them and nobody else's; a teacher sees their own card; the department's specialists,
 * methodists and coordinators of the district see the district's teachers; anyone else
 * sees nothing.
 *
 * @module
 */
import { Result, Schema } from "effect"
import { type Actor, hasRole } from "../Actor.ts"
import type * as LocalDate from "../calendar/LocalDate.ts"
import { type DistrictId, type OrganisationId, PersonId } from "../Ids.ts"
import type { BasisId } from "../kernel/Criteria.ts"
import type { Person } from "../kernel/Person.ts"
import { type Activity, type AssetDeficit, deficitsOf } from "./Activity.ts"
import type { MembershipEvent } from "./MembershipMessages.ts"

/** Where a member stands. */
export type MemberStatus = "nominated" | "active" | "ended"

/** A member as the department sees them. */
export interface MemberSummary {
  readonly personId: PersonId
  readonly districtId: DistrictId
  readonly status: MemberStatus
  readonly basis: BasisId
  readonly from?: LocalDate.LocalDate
  readonly until?: LocalDate.LocalDate
  /** Set when a review found that no basis holds any more (for the department only). */
  readonly lapsedOn?: LocalDate.LocalDate
  readonly categoryLapsed?: boolean
  readonly assignedTeachers: number
  readonly activities: number
}

/** An activity as a viewer may see it: teachers they may not see are left out. */
export interface VisibleActivity {
  readonly memberId: PersonId
  readonly activity: Activity
}

/** What a viewer may see of one supported teacher. */
export interface TeacherCard {
  readonly personId: PersonId
  /** The personal data, when the roster has it. */
  readonly person?: Person
  readonly organisationId: OrganisationId
  /** The members currently supporting the teacher. */
  readonly supportedBy: ReadonlyArray<PersonId>
  readonly deficits: ReadonlyArray<AssetDeficit>
  readonly activities: ReadonlyArray<VisibleActivity>
}

/** The asset's size against the regulation's planned size (ASSET-3.2). */
export interface Size {
  readonly active: number
  readonly planned?: number
  readonly vacancies?: number
}

/** ASSET-5.2: the viewer may not see this teacher's data. */
export class NotPermitted extends Schema.TaggedError<NotPermitted>()("NotPermitted", {
  viewerId: PersonId,
  teacherId: PersonId,
}) {
  override get message(): string {
    return `${this.viewerId} may not see the data of ${this.teacherId}`
  }
}

/** The asset's read model, answering only through viewer-checked queries. */
export interface Roster {
  /** Folds one more event, in global order. */
  readonly apply: (event: MembershipEvent) => void
  /** The teachers the viewer may see, with their personal data, deficits and activities. */
  readonly teachersFor: (viewer: Actor) => ReadonlyArray<TeacherCard>
  /** One teacher's card, or {@link NotPermitted} when the viewer may not see it. */
  readonly teacherCard: (
    viewer: Actor,
    teacherId: PersonId,
  ) => Result.Result<TeacherCard, NotPermitted>
  /** The deficits the viewer may see. */
  readonly deficitsFor: (viewer: Actor) => ReadonlyArray<AssetDeficit>
  /** The members the viewer may see: the district's for its staff, one's own for a member. */
  readonly membersFor: (viewer: Actor) => ReadonlyArray<MemberSummary>
  /** Active members of a district beside the planned size. */
  readonly size: (districtId: DistrictId, plannedSize?: number) => Size
}

const STAFF = ["department-specialist", "methodist", "municipal-coordinator"] as const

interface MemberRecord {
  personId: PersonId
  districtId: DistrictId
  status: MemberStatus
  basis: BasisId
  from?: LocalDate.LocalDate
  until?: LocalDate.LocalDate
  lapsedOn?: LocalDate.LocalDate
  categoryLapsed?: boolean
  assigned: Map<PersonId, OrganisationId>
  activities: number
}

interface TeacherRecord {
  organisationId: OrganisationId
  districtId: DistrictId
  deficits: Array<AssetDeficit>
  activities: Array<VisibleActivity>
}

/**
 * Makes an empty roster that holds `people`'s personal data (ФИО, e-mail) and shows it
 * only to those allowed to see it.
 */
export const make = (people: Iterable<Person> = []): Roster => {
  const directory = new Map<PersonId, Person>()
  for (const p of people) directory.set(p.id, p)
  const members = new Map<PersonId, MemberRecord>()
  const teachers = new Map<PersonId, TeacherRecord>()

  const teacher = (id: PersonId, organisationId: OrganisationId, districtId: DistrictId) => {
    let t = teachers.get(id)
    if (t === undefined) {
      t = { organisationId, districtId, deficits: [], activities: [] }
      teachers.set(id, t)
    }
    return t
  }

  const apply = (event: MembershipEvent): void => {
    const m = members.get(event.personId)
    switch (event._tag) {
      case "Nominated":
        members.set(event.personId, {
          personId: event.personId,
          districtId: event.districtId,
          status: "nominated",
          basis: event.eligibility.basis,
          assigned: new Map(),
          activities: 0,
        })
        return
      case "NominationRejected":
        if (m !== undefined) m.status = "ended"
        return
      case "Approved":
        if (m === undefined) return
        m.status = "active"
        m.from = event.from
        if (event.until !== undefined) m.until = event.until
        return
      case "StandingLapsed":
        if (m === undefined) return
        m.lapsedOn = event.on
        m.categoryLapsed = event.categoryLapsed
        return
      case "StandingRestored":
        if (m === undefined) return
        delete m.lapsedOn
        delete m.categoryLapsed
        return
      case "TeachersAssigned":
        if (m === undefined) return
        for (const a of event.teachers) {
          m.assigned.set(a.personId, a.organisationId)
          const t = teacher(a.personId, a.organisationId, m.districtId)
          t.organisationId = a.organisationId
        }
        return
      case "TeachersUnassigned":
        if (m === undefined) return
        for (const id of event.teachers) m.assigned.delete(id)
        return
      case "ActivityRecorded": {
        if (m === undefined) return
        m.activities += 1
        const visible = { memberId: event.personId, activity: event.activity }
        for (const d of deficitsOf(event.activity, event.personId)) {
          const t = teachers.get(d.personId)
          if (t !== undefined) t.deficits.push(d)
        }
        for (const id of event.activity.teachers) teachers.get(id)?.activities.push(visible)
        return
      }
      case "MembershipEnded":
        if (m === undefined) return
        m.status = "ended"
        m.assigned.clear()
        return
    }
  }

  const isStaff = (viewer: Actor) => STAFF.some((role) => hasRole(viewer, role))

  /** The teachers assigned to the viewer as an active member. */
  const assignedTo = (viewer: Actor): ReadonlyMap<PersonId, OrganisationId> => {
    const m = members.get(viewer.personId)
    return hasRole(viewer, "asset-member") && m !== undefined && m.status === "active"
      ? m.assigned
      : new Map()
  }

  const canSee = (viewer: Actor, teacherId: PersonId): boolean => {
    const t = teachers.get(teacherId)
    if (t === undefined) return false
    if (viewer.personId === teacherId) return true
    if (isStaff(viewer) && viewer.districtId === t.districtId) return true
    return assignedTo(viewer).has(teacherId)
  }

  const card = (viewer: Actor, id: PersonId, t: TeacherRecord): TeacherCard => {
    const person = directory.get(id)
    const supportedBy = [...members.values()]
      .filter((m) => m.status === "active" && m.assigned.has(id))
      .map((m) => m.personId)
    // Other teachers served by the same group activity stay hidden unless visible too.
    const activities = t.activities.map((a) => ({
      memberId: a.memberId,
      activity: {
        ...a.activity,
        teachers: a.activity.teachers.filter((x) => x === id || canSee(viewer, x)),
      },
    }))
    return {
      personId: id,
      ...(person === undefined ? {} : { person }),
      organisationId: t.organisationId,
      supportedBy,
      deficits: [...t.deficits],
      activities,
    }
  }

  return {
    apply,
    teachersFor: (viewer) =>
      [...teachers.entries()]
        .filter(([id]) => canSee(viewer, id))
        .map(([id, t]) => card(viewer, id, t)),
    teacherCard: (viewer, teacherId) => {
      const t = teachers.get(teacherId)
      return t !== undefined && canSee(viewer, teacherId)
        ? Result.succeed(card(viewer, teacherId, t))
        : Result.fail(new NotPermitted({ viewerId: viewer.personId, teacherId }))
    },
    deficitsFor: (viewer) =>
      [...teachers.entries()].filter(([id]) => canSee(viewer, id)).flatMap(([, t]) => t.deficits),
    membersFor: (viewer) =>
      [...members.values()]
        .filter((m) =>
          isStaff(viewer) ? m.districtId === viewer.districtId : m.personId === viewer.personId,
        )
        .map((m) => ({
          personId: m.personId,
          districtId: m.districtId,
          status: m.status,
          basis: m.basis,
          ...(m.from === undefined ? {} : { from: m.from }),
          ...(m.until === undefined ? {} : { until: m.until }),
          ...(m.lapsedOn === undefined || !isStaff(viewer) ? {} : { lapsedOn: m.lapsedOn }),
          ...(m.categoryLapsed === undefined || !isStaff(viewer)
            ? {}
            : { categoryLapsed: m.categoryLapsed }),
          assignedTeachers: m.assigned.size,
          activities: m.activities,
        })),
    size: (districtId, plannedSize) => {
      let active = 0
      for (const m of members.values())
        if (m.districtId === districtId && m.status === "active") active++
      return plannedSize === undefined
        ? { active }
        : { active, planned: plannedSize, vacancies: Math.max(0, plannedSize - active) }
    },
  }
}

/** A roster folded from events in their global order. */
export const project = (
  events: Iterable<MembershipEvent>,
  people: Iterable<Person> = [],
): Roster => {
  const roster = make(people)
  for (const event of events) roster.apply(event)
  return roster
}
