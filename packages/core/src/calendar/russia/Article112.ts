/**
 * Labour Code of the Russian Federation, art. 112: the federal non-working holidays and
 * the acts that the yearly calendars cite. Shared by the year files beside it.
 *
 * Art. 112 part 1 names the holidays: 1–6 and 8 January (New Year holidays), 7 January
 * (Christmas), 23 February, 8 March, 1 May, 9 May, 12 June and 4 November. Part 2 moves a
 * weekend day that coincides with a holiday to the next working day after the holiday,
 * except for the January holidays: of those, the government moves two weekend days to
 * other days of the year by its yearly decree. The government may also move other days
 * off (art. 112 part 5), which is how working Saturdays and an off 31 December arise.
 *
 * @module
 */
import * as LocalDate from "../LocalDate.ts"
import type { Holiday, Source, Transfer } from "../ProductionCalendar.ts"

const d = LocalDate.unsafeFromString

/** The federal holidays of a year under art. 112 part 1, with their statutory names. */
export const holidaysOf = (year: number): ReadonlyArray<Holiday> => {
  const on = (month: number, day: number, name: string): Holiday => ({
    date: LocalDate.makeUnsafe(year, month, day),
    name,
  })
  const newYear = "Новогодние каникулы"
  return [
    on(1, 1, newYear),
    on(1, 2, newYear),
    on(1, 3, newYear),
    on(1, 4, newYear),
    on(1, 5, newYear),
    on(1, 6, newYear),
    on(1, 7, "Рождество Христово"),
    on(1, 8, newYear),
    on(2, 23, "День защитника Отечества"),
    on(3, 8, "Международный женский день"),
    on(5, 1, "Праздник Весны и Труда"),
    on(5, 9, "День Победы"),
    on(6, 12, "День России"),
    on(11, 4, "День народного единства"),
  ]
}

/** Art. 112 part 2: a weekend day that coincides with a (non-January) holiday moves. */
export const article112Part2: Source = {
  kind: "labour-code",
  citation:
    "Трудовой кодекс Российской Федерации, статья 112, часть 2: выходной день, совпавший с нерабочим праздничным днём, переносится на следующий после праздничного рабочий день",
}

/** A government decree on transfers of days off, cited in full. */
export const governmentDecree = (citation: string): Source => ({
  kind: "government-decree",
  citation,
})

/** A presidential decree, cited in full. */
export const presidentialDecree = (citation: string): Source => ({
  kind: "presidential-decree",
  citation,
})

/** A transfer of a day off from `from` to `to` under `source`. */
export const transfer = (from: string, to: string, source: Source): Transfer => ({
  from: d(from),
  to: d(to),
  source,
})
