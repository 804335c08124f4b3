/**
 * The languages a report is written in, and the fixed words every renderer needs
 * (figure and table captions, yes/no, the personal-data marking). Russian is the
 * default; English is there for integrators and reviewers who do not read Russian.
 */

/** A report's language: `"ru"` (default) or `"en"`. */
export type Locale = "ru" | "en"

/** The fixed words of a report in one language. */
export interface Words {
  /** Caption prefix of a table: «Таблица 1 — …». */
  readonly table: string
  /** Caption prefix of a chart: «Рисунок 1 — …». */
  readonly figure: string
  /** The sign before an order's number: «№ 91». */
  readonly number: string
  /** A true boolean cell. */
  readonly yes: string
  /** A false boolean cell. */
  readonly no: string
  /** Shown in an empty cell or for a missing value. */
  readonly empty: string
  /** Marking on a document for a non-public audience that carries personal data. */
  readonly personalDataNotice: string
  /** Name of the XLSX sheet that holds the document's heading and non-table content. */
  readonly infoSheet: string
  /** Label of the issuing organisation on the XLSX info sheet. */
  readonly organisation: string
  /** Label of the district on the XLSX info sheet. */
  readonly district: string
  /** Label of the document's date on the XLSX info sheet. */
  readonly date: string
  /** Label of the order number on the XLSX info sheet. */
  readonly orderNumber: string
  /** Label of the audience on the XLSX info sheet. */
  readonly audience: string
  /** Category column header of a chart's data sheet or table. */
  readonly category: string
  /** Names of the audiences, as shown on the XLSX info sheet. */
  readonly audiences: {
    readonly public: string
    readonly department: string
    readonly school: string
    readonly personal: string
  }
  /** Genitive month names, January first: «04» июня 2020 г. */
  readonly monthsGenitive: ReadonlyArray<string>
  /** BCP 47 tag for number formatting. */
  readonly numberLocale: string
}

const ru: Words = {
  table: "Таблица",
  figure: "Рисунок",
  number: "№",
  yes: "да",
  no: "нет",
  empty: "—",
  personalDataNotice:
    "Содержит персональные данные (Федеральный закон от 27.07.2006 № 152-ФЗ). Не подлежит опубликованию.",
  infoSheet: "Сведения",
  organisation: "Организация",
  district: "Муниципалитет",
  date: "Дата",
  orderNumber: "Номер",
  audience: "Адресат",
  category: "Категория",
  audiences: {
    public: "для опубликования",
    department: "управление образования",
    school: "образовательная организация",
    personal: "лично адресату",
  },
  monthsGenitive: [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ],
  numberLocale: "ru-RU",
}

const en: Words = {
  table: "Table",
  figure: "Figure",
  number: "No.",
  yes: "yes",
  no: "no",
  empty: "—",
  personalDataNotice: "Contains personal data (Federal Law No. 152-FZ). Not for publication.",
  infoSheet: "Document",
  organisation: "Organisation",
  district: "District",
  date: "Date",
  orderNumber: "Number",
  audience: "Audience",
  category: "Category",
  audiences: {
    public: "public",
    department: "education department",
    school: "school",
    personal: "addressee only",
  },
  monthsGenitive: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  numberLocale: "en-GB",
}

/** The fixed words of a report in `locale`. */
export const words = (locale: Locale): Words => (locale === "en" ? en : ru)
