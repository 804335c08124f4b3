/**
 * Keeps recipients' addresses out of logs and stored errors. Servers quote the refused
 * address in their replies («550 5.1.1 <ivanova@school.ru>: user unknown»), so every
 * failure reason passes through {@link reason} before it is logged or stored.
 *
 * @module
 */

const EMAIL = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g

/** What replaces a removed address. */
export const placeholder = "[recipient]"

/**
 * The text without the recipient and without anything shaped like an e-mail address.
 *
 * @example
 * reason("550 <a@b.ru>: no such user", "a@b.ru") // "550 <[recipient]>: no such user"
 */
export const reason = (text: string, recipient?: string): string => {
  const withoutRecipient =
    recipient === undefined || recipient.length === 0
      ? text
      : text.split(recipient).join(placeholder)
  return withoutRecipient.replace(EMAIL, placeholder)
}
