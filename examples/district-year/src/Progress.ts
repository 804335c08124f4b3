/**
 * A progress bar on stderr: redrawn in place with `\r` on a terminal, a plain line every
 * tenth of the way otherwise (CI logs, pipes).
 *
 * @module
 */

/** A progress reporter. */
export interface Progress {
  readonly update: (done: number, total: number, label: string) => void
  readonly finish: (text: string) => void
}

/** A bar of `width` cells on `stream` (stderr by default). */
export const bar = (
  title: string,
  stream: NodeJS.WriteStream = process.stderr,
  width = 30,
): Progress => {
  const tty = stream.isTTY === true
  let lastTenth = -1
  return {
    update: (done, total, label) => {
      const share = total === 0 ? 1 : done / total
      if (tty) {
        const full = Math.round(share * width)
        const line = `${title} [${"█".repeat(full)}${"░".repeat(width - full)}] ${String(Math.floor(share * 100)).padStart(3)}%  ${label}`
        stream.write(`\r${line}\x1b[K`)
      } else {
        const tenth = Math.floor(share * 10)
        if (tenth !== lastTenth) {
          lastTenth = tenth
          stream.write(`${title}: ${tenth * 10}% (${label})\n`)
        }
      }
    },
    finish: (text) => {
      stream.write(tty ? `\r${title}: ${text}\x1b[K\n` : `${title}: ${text}\n`)
    },
  }
}

/** A reporter that prints nothing (tests, benchmark). */
export const silent: Progress = { update: () => {}, finish: () => {} }
