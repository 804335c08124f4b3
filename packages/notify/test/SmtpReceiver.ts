/**
 * A real SMTP server for tests (the `smtp-server` package) on 127.0.0.1 and a port the
 * system picks. Every message it accepts is parsed back with `mailparser` before the
 * server answers 250, so a send that succeeded is already visible. It can refuse
 * addresses for good (550) or answer the next messages with a transient 451.
 */
import type { AddressInfo } from "node:net"
import { Effect, type Scope } from "effect"
import { type ParsedMail, simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

/** One accepted message, parsed. */
export interface ReceivedMail {
  /** The envelope recipients (RCPT TO). */
  readonly envelopeTo: ReadonlyArray<string>
  readonly idempotencyKey: string | undefined
  readonly messageId: string | undefined
  readonly parsed: ParsedMail
}

/** The running server and the knobs tests turn. */
export interface SmtpReceiver {
  port: number
  readonly mails: Array<ReceivedMail>
  /** Addresses answered with 550 at RCPT TO. */
  readonly refuse: Set<string>
  /** Answer the next `n` messages with 451 at the end of DATA. */
  tempFailNext: number
  /** Every DATA transaction tried, accepted or not, with the keys it carried. */
  readonly transactions: Array<{ readonly idempotencyKey?: string; readonly messageId?: string }>
}

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code })

/** Starts the server in the scope; it stops when the scope closes. */
export const start: Effect.Effect<SmtpReceiver, never, Scope.Scope> = Effect.gen(function* () {
  const receiver: SmtpReceiver = {
    port: 0,
    mails: [],
    refuse: new Set(),
    tempFailNext: 0,
    transactions: [],
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (receiver.refuse.has(address.address.toLowerCase())) {
        return callback(smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected`))
      }
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const key = parsed.headers.get("x-metodika-idempotency-key")
          receiver.transactions.push({
            ...(typeof key === "string" ? { idempotencyKey: key } : {}),
            ...(parsed.messageId === undefined ? {} : { messageId: parsed.messageId }),
          })
          if (receiver.tempFailNext > 0) {
            receiver.tempFailNext--
            return callback(smtpError(451, "4.3.0 Temporary failure, try again later"))
          }
          receiver.mails.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            idempotencyKey: typeof key === "string" ? key : undefined,
            messageId: parsed.messageId,
            parsed,
          })
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  yield* Effect.acquireRelease(
    Effect.callback<void>((resume) => {
      server.listen(0, "127.0.0.1", () => {
        receiver.port = (server.server.address() as AddressInfo).port
        resume(Effect.void)
      })
    }),
    () => Effect.callback<void>((resume) => server.close(() => resume(Effect.void))),
  )
  return receiver
})
