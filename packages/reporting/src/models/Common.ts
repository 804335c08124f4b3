/**
 * What every report model of the unified methodical day shares: the options that give a
 * document its heading (issuing organisation, district, date, order number, audience,
 * language, the directory of names, the district's time zone), and the small pure
 * helpers that turn the domain's values (civil dates, instants, months, ids) into what
 * a document prints.
 */
import type { LocalDate, UnifiedDay } from "@metodika/core"
import { DateTime } from "effect"
import type { Locale } from "../Locale.ts"
import * as ReportDate from "../ReportDate.ts"
import type * as ReportDocument from "../ReportDocument.ts"
import * as Directory from "./Directory.ts"
import { type EmdWords, emdWords } from "./Texts.ts"

/** The options of every EMD report model. */
export interface Options {
  /** The issuing organisation: «Управление образования администрации …». */
  readonly organisation: string
  /** The district the document is about: «Полтавский муниципальный район Омской области». */
  readonly district: string
  /** The date of the document, a civil date of `@metodika/core`. */
  readonly date: LocalDate.LocalDate
  /** The district's time zone: instants (a sheet's submission, a review) print as its local dates. */
  readonly timeZone: DateTime.TimeZone
  /** Names of schools and people by id; ids print as they are without it. */
  readonly directory?: Directory.Directory
  /** Number of the order that issues or approves the document. */
  readonly orderNumber?: string
  /** Place of issue: «р. п. Полтавка». */
  readonly place?: string
  /** Who the document is for; each model has its own default. */
  readonly audience?: ReportDocument.Audience
  /** Russian (default) or English. */
  readonly locale?: Locale
  /** The signature under the document. */
  readonly signature?: ReportDocument.Signature
  /** File stem of the rendered files; each model derives one when absent. */
  readonly name?: string
}

/** What a model decides about its document's heading. */
export interface Heading {
  /** The file stem for the model's default audience. */
  readonly name: string
  readonly kind?: string
  readonly title: string
  readonly subtitle?: string
  /** The model's default audience. */
  readonly audience: ReportDocument.Audience
}

/**
 * The fields of a document's heading from the options and the model's own heading. A
 * document for another audience than the model's default gets the audience in its file
 * stem (`emd-practice-bank-2025-department`), so both versions can sit side by side.
 */
export const heading = (
  options: Options,
  own: Heading,
): Omit<ReportDocument.DocumentInput, "sections"> => ({
  name:
    options.name ??
    (options.audience === undefined || options.audience === own.audience
      ? own.name
      : `${own.name}-${options.audience}`),
  ...(own.kind === undefined ? {} : { kind: own.kind }),
  title: own.title,
  ...(own.subtitle === undefined ? {} : { subtitle: own.subtitle }),
  organisation: options.organisation,
  district: options.district,
  date: ReportDate.fromCore(options.date),
  ...(options.orderNumber === undefined ? {} : { orderNumber: options.orderNumber }),
  ...(options.place === undefined ? {} : { place: options.place }),
  audience: options.audience ?? own.audience,
  locale: locale(options),
  ...(options.signature === undefined ? {} : { signature: options.signature }),
})

/** The language of the options; Russian by default. */
export const locale = (options: Options): Locale => options.locale ?? "ru"

/** The EMD words in the language of the options. */
export const words = (options: Options): EmdWords => emdWords(locale(options))

/** The directory of the options, or the empty one. */
export const directory = (options: Options): Directory.Directory =>
  options.directory ?? Directory.empty

/** The name of a school from the options' directory. */
export const schoolName = (options: Options, id: string): string =>
  Directory.school(directory(options), id)

/** The full name of a person from the options' directory. */
export const personName = (options: Options, id: string): string =>
  Directory.person(directory(options), id)

/** The local date, in `zone`, of an instant. */
export const localDate = (at: DateTime.Utc, zone: DateTime.TimeZone): ReportDate.LocalDate =>
  ReportDate.fromDateTime(DateTime.setZone(at, zone))

/** A civil date printed the way tables print it: 04.12.2025 (ru), 2025-12-04 (en). */
export const numericDate = (date: LocalDate.LocalDate, options: Options): string =>
  ReportDate.formatNumeric(ReportDate.fromCore(date), locale(options))

/** A month in words: «декабрь 2025 г.», «December 2025». */
export const monthName = (month: UnifiedDay.YearMonth.YearMonth, options: Options): string =>
  words(options).monthYear(Number(month.slice(5, 7)), Number(month.slice(0, 4)))

/** The first calendar year of the school year a date falls in (September to August). */
export const schoolYearOf = (date: LocalDate.LocalDate): number =>
  Number(date.slice(0, 4)) - (Number(date.slice(5, 7)) < 9 ? 1 : 0)

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

const hash = (text: string): string => {
  let h = FNV_OFFSET
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME)
  return (h >>> 0).toString(36)
}

/**
 * A file stem from parts: lowercase ASCII letters, digits, `.`, `_` and `-`. A part with
 * other characters (a Cyrillic id, say) keeps what it can and gains a short hash of
 * itself, so two ids never share a file name.
 */
export const fileStem = (...parts: ReadonlyArray<string>): string =>
  parts
    .map((part) => {
      const safe = part
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, "-")
        .replace(/-+/g, "-")
        .replace(/^[-._]+|[-._]+$/g, "")
      return safe === part ? safe : safe === "" ? hash(part) : `${safe}-${hash(part)}`
    })
    .join("-")

/**
 * The planned year of the district among the years of a read model's state: the one of
 * `districtId` when given, whose school year holds `date` when given.
 */
export const plannedYear = (
  years: Readonly<Record<string, UnifiedDay.Year.YearState>>,
  filter: { readonly districtId?: string; readonly date?: LocalDate.LocalDate } = {},
): UnifiedDay.Year.Planned | undefined =>
  Object.values(years)
    .filter((y): y is UnifiedDay.Year.Planned => y._tag === "Planned")
    .filter((y) => filter.districtId === undefined || y.districtId === filter.districtId)
    .filter(
      (y) =>
        filter.date === undefined ||
        (y.schoolYear.start <= filter.date && filter.date <= y.schoolYear.end),
    )
    .sort((a, b) => b.schoolYear.startYear - a.schoolYear.startYear)[0]
