/**
 * The bank of best practices by topic (банк лучших практик, EMD-2.2, 2.4, 2.15) as a
 * document: the practices teachers submitted on the days' topics that the department
 * accepted into the bank, one section per topic, with their title, summary, link, school
 * and author, and the practice of the year each author works on (EMD-2.14).
 *
 * A pure function of the bank's state (`UnifiedDay.PracticeBank`), with the district's
 * year for the topics' titles. Published by default (EMD-2.4: the exchange of practice
 * across the district): authors' names are personal data, shown to the public as
 * initials unless the options say they are published or withheld.
 */
import { type Ids, UnifiedDay } from "@metodika/core"
import * as ReportDocument from "../ReportDocument.ts"
import * as Common from "./Common.ts"

const { Column } = ReportDocument

/** Options of {@link make}. */
export interface Options extends Common.Options {
  /** The district's year, for the titles and order of the topics (EMD-1.6). */
  readonly year?: UnifiedDay.Year.YearState
  /** Only the practices of this topic. */
  readonly topicId?: Ids.TopicId
  /** Only the practices of this school. */
  readonly schoolId?: Ids.OrganisationId
  /**
   * How a public audience sees the authors: as initials (the default), by name when the
   * regulation publishes them, or not at all.
   */
  readonly authorDisclosure?: ReportDocument.Disclosure
}

/** One topic of the bank and its accepted practices, oldest first. */
export interface TopicPractices {
  readonly topicId: Ids.TopicId
  /** The topic's title from the year, when the year is given and knows it. */
  readonly title?: string
  readonly entries: ReadonlyArray<UnifiedDay.PracticeBank.Entry>
}

/**
 * EMD-2.2, 2.15: the accepted practices grouped by topic: the topics in the year's order
 * (those the year does not know after them, by id), the practices of each oldest first.
 */
export const byTopic = (
  state: UnifiedDay.PracticeBank.State,
  options: Pick<Options, "year" | "topicId" | "schoolId"> = {},
): ReadonlyArray<TopicPractices> => {
  const entries = UnifiedDay.PracticeBank.bank(state, {
    ...(options.topicId === undefined ? {} : { topicId: options.topicId }),
    ...(options.schoolId === undefined ? {} : { schoolId: options.schoolId }),
  })
  const topics = options.year?._tag === "Planned" ? options.year.topics : []
  const known = new Map(topics.map((t, i) => [t.topicId as string, { title: t.title, order: i }]))
  const groups = new Map<string, Array<UnifiedDay.PracticeBank.Entry>>()
  for (const e of entries) groups.set(e.topicId, [...(groups.get(e.topicId) ?? []), e])
  return [...groups.entries()]
    .sort(([a], [b]) => {
      const x = known.get(a)?.order ?? Number.POSITIVE_INFINITY
      const y = known.get(b)?.order ?? Number.POSITIVE_INFINITY
      return x !== y ? x - y : a < b ? -1 : a > b ? 1 : 0
    })
    .map(([topicId, list]): TopicPractices => {
      const title = known.get(topicId)?.title
      return {
        topicId: topicId as Ids.TopicId,
        ...(title === undefined ? {} : { title }),
        entries: list,
      }
    })
}

/**
 * EMD-2.2, 2.4, 2.14, 2.15: the bank of best practices as a document («Банк лучших
 * практик»): how many practices, topics and schools; then a section and a table per
 * topic. Public by default, with authors as initials.
 */
export const make = (
  state: UnifiedDay.PracticeBank.State,
  options: Options,
): ReportDocument.ReportDocument => {
  const w = Common.words(options)
  const l = w.label
  const topics = byTopic(state, options)
  const all = topics.flatMap((t) => t.entries)
  const startYear =
    options.year?._tag === "Planned"
      ? options.year.schoolYear.startYear
      : all.length > 0
        ? Math.max(...all.map((e) => e.startYear))
        : Common.schoolYearOf(options.date)
  const disclosure = options.authorDisclosure ?? "initials"
  const sections = topics.map((topic, t) =>
    ReportDocument.section(topic.title ?? w.text.bankTopicUnknown(topic.topicId), [
      ReportDocument.table({
        id: `topic-${t + 1}`,
        title: topic.title ?? w.text.bankTopicUnknown(topic.topicId),
        columns: [
          Column.integer("n", l.n, { width: 4 }),
          Column.text("title", l.title),
          Column.text("summary", l.summary),
          Column.text("author", l.author, { personal: true, disclosure }),
          Column.text("school", l.school),
          Column.text("practice", l.practice),
          Column.date("accepted", l.acceptedOn),
          Column.text("url", l.link),
        ] as const,
        rows: topic.entries.map((e, i) => ({
          n: i + 1,
          title: e.title,
          summary: e.summary,
          author: Common.personName(options, e.teacherId),
          school: Common.schoolName(options, e.schoolId),
          practice: e.practice,
          accepted: Common.localDate(e.acceptedAt, options.timeZone),
          url: e.url ?? null,
        })),
      }),
    ]),
  )
  return ReportDocument.make({
    ...Common.heading(options, {
      name: Common.fileStem("emd-practice-bank", String(startYear)),
      title: w.text.bankTitle,
      subtitle: w.text.bankSubtitle(w.text.schoolYear(startYear)),
      audience: "public",
    }),
    sections: [
      ReportDocument.section(undefined, [
        ReportDocument.keyValues([
          ReportDocument.item(l.practices, all.length),
          ReportDocument.item(l.topics, topics.length),
          ReportDocument.item(l.schools, new Set(all.map((e) => e.schoolId)).size),
        ]),
        ...(all.length === 0 ? [ReportDocument.paragraph(w.text.bankEmpty)] : []),
      ]),
      ...sections,
    ],
  })
}
