/**
 * The Russian federal production calendar for 2020–2027, ready to use: the Labour Code
 * holidays, each year's government decree on transfers of days off, and the presidential
 * non-working days of 2020 and 2021. 2020–2026 are `official`; 2027 is `projected` (the
 * decree is not encoded yet, see `russia/Year2027.ts`).
 *
 * A district adds its region's days with `ProductionCalendar.withRegionalAdditions`.
 *
 * @module
 */
import * as ProductionCalendar from "./ProductionCalendar.ts"
import { year2020 } from "./russia/Year2020.ts"
import { year2021 } from "./russia/Year2021.ts"
import { year2022 } from "./russia/Year2022.ts"
import { year2023 } from "./russia/Year2023.ts"
import { year2024 } from "./russia/Year2024.ts"
import { year2025 } from "./russia/Year2025.ts"
import { year2026 } from "./russia/Year2026.ts"
import { year2027 } from "./russia/Year2027.ts"

/** The year data, one entry per calendar year from 2020 to 2027. */
export const years: ReadonlyArray<ProductionCalendar.YearData> = [
  year2020,
  year2021,
  year2022,
  year2023,
  year2024,
  year2025,
  year2026,
  year2027,
]

/** The first calendar year covered. */
export const firstYear = 2020

/** The last calendar year covered (projected). */
export const lastYear = 2027

/** The federal production calendar 2020–2027, with no regional additions. */
export const calendar: ProductionCalendar.ProductionCalendar = ProductionCalendar.make(years)
