/**
 * The curator assignment list (закрепление кураторов за школами, EMD-2.3): each
 * low-results school of the district's year with its curator, a leader of another
 * school that is not low-results, and that leader's school; the load of each curator;
 * and any low-results school left without one. Usually an appendix to the department's
 * order, so the order's number goes in the options.
 *
 * A pure function of the district's year (`UnifiedDay.Year.YearState`, as folded by any
 * EMD read model: `WeeklyView.State.years`, `MonthView.State.years`). For the department
 * by default; curators' names are personal data, shown to the public as initials unless
 * the options say the order publishes them.
 */
import { type Ids, UnifiedDay } from "@metodika/core"
import * as ReportDocument from "../ReportDocument.ts"
import * as Common from "./Common.ts"

const { Column } = ReportDocument

/** Options of {@link make}. */
export interface Options extends Common.Options {
  /**
   * How a public audience sees the curators: as initials (the default), by name when
   * the order that assigns them is published with their names, or not at all.
   */
  readonly curatorDisclosure?: ReportDocument.Disclosure
  /** The most schools one curator may take (the regulation's `curatorMaxLoad`), printed when given. */
  readonly maxLoad?: number
}

/** One curator and the low-results schools they curate. */
export interface Load {
  readonly curatorId: Ids.PersonId
  readonly curatorSchoolId: Ids.OrganisationId
  readonly schools: ReadonlyArray<Ids.OrganisationId>
}

/** The assignment of a year, as the list prints it. */
export interface Assignment {
  /** One pair per curated school, by school id. */
  readonly pairs: ReadonlyArray<UnifiedDay.CuratorAssignment.Pair>
  /** Each curator's schools, by curator id. */
  readonly loads: ReadonlyArray<Load>
  /** EMD-1.3, 2.3: participating low-results schools that have no curator. */
  readonly withoutCurator: ReadonlyArray<Ids.OrganisationId>
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** EMD-2.3: the pairs of a year, each curator's load, and the schools left without one. */
export const assignment = (year: UnifiedDay.Year.YearState): Assignment => {
  if (year._tag !== "Planned") return { pairs: [], loads: [], withoutCurator: [] }
  const pairs = [...year.curators].sort((a, b) => byString(a.schoolId, b.schoolId))
  const loads = new Map<string, Load>()
  for (const p of pairs) {
    const load = loads.get(p.curatorId)
    loads.set(p.curatorId, {
      curatorId: p.curatorId,
      curatorSchoolId: load?.curatorSchoolId ?? p.curatorSchoolId,
      schools: [...(load?.schools ?? []), p.schoolId],
    })
  }
  const curated = new Set<string>(pairs.map((p) => p.schoolId))
  return {
    pairs,
    loads: [...loads.values()].sort((a, b) => byString(a.curatorId, b.curatorId)),
    withoutCurator: UnifiedDay.Year.participants(year)
      .filter((p) => p.lowResults && !curated.has(p.schoolId))
      .map((p) => p.schoolId),
  }
}

/**
 * EMD-2.3: the curator assignment list as a document («Закрепление кураторов за
 * школами»): the school year and counts, the pairs, each curator's load, and the
 * low-results schools left without a curator. For the department by default.
 */
export const make = (
  year: UnifiedDay.Year.YearState,
  options: Options,
): ReportDocument.ReportDocument => {
  const w = Common.words(options)
  const l = w.label
  const a = assignment(year)
  const startYear =
    year._tag === "Planned" ? year.schoolYear.startYear : Common.schoolYearOf(options.date)
  const schoolYear = w.text.schoolYear(startYear)
  const disclosure = options.curatorDisclosure ?? "initials"
  const pairs = ReportDocument.table({
    id: "curators",
    title: w.text.curatorsPairs,
    columns: [
      Column.integer("n", l.n, { width: 4 }),
      Column.text("school", l.school),
      Column.text("curator", l.curator, { personal: true, disclosure }),
      Column.text("curatorSchool", l.curatorSchool),
    ] as const,
    rows: a.pairs.map((p, i) => ({
      n: i + 1,
      school: Common.schoolName(options, p.schoolId),
      curator: Common.personName(options, p.curatorId),
      curatorSchool: Common.schoolName(options, p.curatorSchoolId),
    })),
  })
  const loads = ReportDocument.table({
    id: "load",
    title: w.text.curatorsLoad,
    columns: [
      Column.text("curator", l.curator, { personal: true, disclosure }),
      Column.text("curatorSchool", l.curatorSchool),
      Column.integer("load", l.load),
      Column.text("schools", l.schools),
    ] as const,
    rows: a.loads.map((x) => ({
      curator: Common.personName(options, x.curatorId),
      curatorSchool: Common.schoolName(options, x.curatorSchoolId),
      load: x.schools.length,
      schools: x.schools.map((s) => Common.schoolName(options, s)).join("; "),
    })),
  })
  return ReportDocument.make({
    ...Common.heading(options, {
      name: Common.fileStem("emd-curators", String(startYear)),
      title: w.text.curatorsTitle,
      subtitle: w.text.curatorsSubtitle(schoolYear),
      audience: "department",
    }),
    sections: [
      ReportDocument.section(undefined, [
        ReportDocument.keyValues([
          ReportDocument.item(l.schoolYear, schoolYear),
          ReportDocument.item(l.lowResultsSchools, a.pairs.length + a.withoutCurator.length),
          ReportDocument.item(l.curators, a.loads.length),
          ...(options.maxLoad === undefined
            ? []
            : [ReportDocument.item(l.maxLoad, options.maxLoad)]),
          ReportDocument.item(
            l.withoutCurator,
            a.withoutCurator.length === 0
              ? 0
              : a.withoutCurator.map((s) => Common.schoolName(options, s)).join("; "),
          ),
        ]),
        ...(year._tag === "Planned" ? [] : [ReportDocument.paragraph(w.text.notPlanned)]),
        ...(a.pairs.length === 0 ? [ReportDocument.paragraph(w.text.curatorsNone)] : []),
      ]),
      ReportDocument.section(w.text.curatorsPairs, [pairs]),
      ReportDocument.section(w.text.curatorsLoad, [loads]),
    ],
  })
}
