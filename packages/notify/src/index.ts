/**
 * `@metodika/notify`: the right people hear about each step of the methodical work on
 * time, through real channels, with nothing lost. A pure notification policy turns
 * decisions and due dates into outbox messages, rendered from Russian (or English)
 * templates with iCalendar invites; the dispatcher sends them through e-mail (SMTP),
 * signed webhooks or an in-memory channel, retrying with capped exponential backoff.
 *
 * @packageDocumentation
 */

export * as Backoff from "./Backoff.ts"
export * as Channels from "./Channels.ts"
export * as Directory from "./Directory.ts"
export * as Dispatcher from "./Dispatcher.ts"
export * as EmailChannel from "./EmailChannel.ts"
export * as English from "./English.ts"
export * as ICalendar from "./ICalendar.ts"
export * as Letter from "./Letter.ts"
export * as MemoryChannel from "./MemoryChannel.ts"
export * as Payload from "./Payload.ts"
export * as Policy from "./Policy.ts"
export * as Redact from "./Redact.ts"
export * as Russian from "./Russian.ts"
export * as Templates from "./Templates.ts"
export * as UnifiedDayPolicy from "./UnifiedDayPolicy.ts"
export * as WebhookChannel from "./WebhookChannel.ts"
export * as Zone from "./Zone.ts"
