// The part of smtp-server's API the demo uses (its own typings are not a dependency here).
declare module "smtp-server" {
  import type { Server } from "node:net"
  import type { Readable } from "node:stream"
  export interface SMTPServerSession {
    readonly envelope: { readonly rcptTo: ReadonlyArray<{ readonly address: string }> }
  }
  export interface SMTPServerOptions {
    readonly authOptional?: boolean
    readonly disabledCommands?: ReadonlyArray<string>
    readonly logger?: boolean
    readonly size?: number
    readonly onData?: (
      stream: Readable,
      session: SMTPServerSession,
      callback: (error?: Error | null) => void,
    ) => void
  }
  export class SMTPServer {
    constructor(options: SMTPServerOptions)
    readonly server: Server
    listen(port: number, host: string, callback: () => void): void
    close(callback: () => void): void
    on(event: "error", listener: (error: Error) => void): this
  }
}
