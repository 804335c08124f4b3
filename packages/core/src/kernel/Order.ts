/**
 * Orders (приказы): the acts by which a department or an organisation approves
 * regulations, plans and results. An order is cited by its number and date.
 *
 * @module
 */
import { Schema } from "effect"
import * as LocalDate from "../calendar/LocalDate.ts"
import { OrganisationId } from "../Ids.ts"
import { Name } from "./Text.ts"

/**
 * The number of an order as it is written on it ("91", "01-05/123"); "б/н" (без номера)
 * where an act was issued without one.
 */
export const OrderNumber = Schema.String.check(
  Schema.isMinLength(1, { message: "an order number must not be empty" }),
  Schema.isMaxLength(50, { message: "an order number must be at most 50 characters" }),
  Schema.isTrimmed({ message: "an order number must not start or end with spaces" }),
)
/** @see OrderNumber */
export type OrderNumber = typeof OrderNumber.Type

/** An order (приказ): its number, date, the organisation that issued it and its title. */
export const Order = Schema.Struct({
  number: OrderNumber,
  date: LocalDate.LocalDate,
  issuer: OrganisationId,
  title: Name,
})
/** @see Order */
export type Order = typeof Order.Type

const RU_MONTHS = [
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
] as const

/**
 * The order cited as Russian documents cite it: «приказ от 04.06.2020 № 91», or with the
 * month in words when `long`: «приказ от «04» июня 2020 г. № 91».
 */
export const cite = (order: Order, options: { readonly long?: boolean } = {}): string => {
  const { year, month, day } = LocalDate.toParts(order.date)
  const dd = String(day).padStart(2, "0")
  const date = options.long
    ? `«${dd}» ${RU_MONTHS[month - 1]} ${year} г.`
    : `${dd}.${String(month).padStart(2, "0")}.${year}`
  return `приказ от ${date} № ${order.number}`
}
