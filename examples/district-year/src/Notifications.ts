/**
 * Notifications of the demo: the directory of the district's people for the policy of
 * `@metodika/notify`, and where the dispatcher sends the outbox's messages: a local SMTP
 * server started by the demo (each message stored as an `.eml` file), a JSON-lines file
 * (`--no-smtp`), or a counter (the benchmark).
 *
 * @module
 */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { type Actor, type EventStore, type Ids, Notifier, type Outbox } from "@metodika/core"
import {
  type Directory,
  Dispatcher,
  EmailChannel,
  Policy,
  UnifiedDayPolicy,
} from "@metodika/notify"
import { Effect, type Scope } from "effect"
import { SMTPServer } from "smtp-server"
import * as District from "./District.ts"

/** A directory the policy can read, to which the year's role grants are added as they happen. */
export interface LiveDirectory extends Directory.Directory {
  /** Adds a grant to a person (a curator's, from `Year.roleGrants`). */
  readonly grant: (personId: Ids.PersonId, grant: Actor.RoleGrant) => void
}

/**
 * The district's people as the policy's directory, indexed by role and organisation (the
 * policy asks it on every decision, so a scan of 400 people each time would show).
 */
export const directory = (district: District.District): LiveDirectory => {
  const byId = new Map<string, District.Person>()
  const grants = new Map<string, Array<Actor.RoleGrant>>()
  const index = new Map<string, Array<Directory.Contact>>()
  const contactOf = (p: District.Person): Directory.Contact => ({
    personId: p.id,
    name: p.name,
    fullName: p.fullName,
    addresses: { email: p.email },
  })
  const add = (p: District.Person, g: Actor.RoleGrant) => {
    const key = `${g.role}/${g.organisationId ?? "*"}`
    const list = index.get(key) ?? []
    if (!list.some((c) => c.personId === p.id)) list.push(contactOf(p))
    index.set(key, list)
    const any = `${g.role}/any`
    const all = index.get(any) ?? []
    if (!all.some((c) => c.personId === p.id)) all.push(contactOf(p))
    index.set(any, all)
  }
  for (const p of District.people(district)) {
    byId.set(p.id, p)
    grants.set(p.id, [...p.roles])
    for (const g of p.roles) add(p, g)
  }
  const names = new Map<string, string>(district.schools.map((s) => [s.id, s.name]))
  names.set(district.department.id, district.department.name)
  return {
    withRole: (districtId, role, organisationId) => {
      if (districtId !== district.district.id) return []
      if (organisationId === undefined) return index.get(`${role}/any`) ?? []
      const scoped = index.get(`${role}/${organisationId}`) ?? []
      const wide = index.get(`${role}/*`) ?? []
      return wide.length === 0 ? scoped : [...scoped, ...wide]
    },
    person: (personId) => {
      const p = byId.get(personId)
      return p === undefined ? undefined : contactOf(p)
    },
    organisationName: (organisationId) => names.get(organisationId),
    grant: (personId, g) => {
      const p = byId.get(personId)
      if (p === undefined) return
      grants.get(personId)?.push(g)
      add(p, g)
    },
  }
}

/** The methodical centre's mailbox: the sender of letters and the organizer of invites. */
export const organizer = { email: "mmc@zarechny-edu.ru", name: "Методический центр" }

/** The notification policy of the unified day over the district's directory. */
export const policy = (dir: Directory.Directory) =>
  Policy.make({ directory: dir, organizer, rules: UnifiedDayPolicy.rules, channels: ["email"] })

/** A local SMTP server that stores what it receives. */
export interface MailServer {
  readonly port: number
  /** Messages accepted so far. */
  readonly received: () => number
}

/**
 * Starts an SMTP server on 127.0.0.1 and a port the system picks, in the scope; each
 * accepted message is written to `dir` as `NNNNN.eml`.
 */
export const startMailServer = (dir: string): Effect.Effect<MailServer, Error, Scope.Scope> =>
  Effect.gen(function* () {
    mkdirSync(dir, { recursive: true })
    let received = 0
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Array<Buffer> = []
        stream.on("data", (c: Buffer) => chunks.push(c))
        stream.on("error", (e: Error) => callback(e))
        stream.on("end", () => {
          received++
          writeFileSync(
            join(dir, `${String(received).padStart(5, "0")}.eml`),
            Buffer.concat(chunks),
          )
          callback()
        })
      },
    })
    const port = yield* Effect.acquireRelease(
      Effect.callback<number, Error>((resume) => {
        server.on("error", (e) => resume(Effect.fail(e)))
        server.listen(0, "127.0.0.1", () =>
          resume(Effect.succeed((server.server.address() as AddressInfo).port)),
        )
      }),
      () => Effect.callback<void>((resume) => server.close(() => resume(Effect.void))),
    )
    return { port, received: () => received }
  })

/** The e-mail channel to the local server. */
export const smtpChannel = (port: number) =>
  EmailChannel.make({
    from: { name: organizer.name, address: organizer.email },
    smtp: { host: "127.0.0.1", port, ignoreTLS: true, pool: true },
    messageIdDomain: "zarechny-edu.ru",
  })

/**
 * A channel named `email` that appends each notification as one JSON line to `file`
 * (for `--no-smtp`): what would have been sent, to whom, with which subject and text.
 */
export const fileChannel = (file: string): Notifier.Channel => {
  writeFileSync(file, "")
  return {
    name: "email",
    send: (n) =>
      Effect.sync(() => {
        appendFileSync(
          file,
          `${JSON.stringify({ id: n.id, to: n.recipient, subject: n.subject, text: n.text, attachments: (n.attachments ?? []).map((a) => a.filename) })}\n`,
        )
        return {}
      }),
  }
}

/** A channel named `email` that only counts (the benchmark). */
export const countingChannel = (): Notifier.Channel & { readonly count: () => number } => {
  let count = 0
  return {
    name: "email",
    count: () => count,
    send: () =>
      Effect.sync(() => {
        count++
        return {}
      }),
  }
}

/**
 * One dispatcher pass until nothing is due, reporting how many messages were delivered
 * or skipped (a reminder made pointless by a later event is settled without sending).
 * Each batch of 100 is settled in one unit of work of the store.
 */
export const dispatch = (
  channel: Notifier.Channel,
): Effect.Effect<number, EventStore.StoreError, Outbox.Outbox> =>
  Dispatcher.drain({
    workerId: "district-year",
    batchSize: 100,
    concurrency: 8,
    settleTogether: true,
  }).pipe(
    Effect.map((r) => r.delivered + r.skipped),
    Effect.provideService(Notifier.Notifier, Notifier.fromChannels([channel])),
  )
