// One job at a time in a store (the link and align views): a new run supersedes the old one, only the current
// job may change the store's state, and its progress clears when it ends however it ends.
import type { Ref } from 'vue'

/** A started job: its id (sent to the worker) and whether it is still the store's current job. */
export interface JobTicket {
  id: number
  live: () => boolean
}

/** The job slot of a store whose `progress` and `error` refs it manages. */
export interface JobSlot {
  /** The current job's id, 0 when none runs. */
  readonly current: number
  /** Starts a job: every earlier ticket stops being live, the error clears, and progress shows `start` when given. */
  begin(start?: unknown): JobTicket
  /** Runs a job's body: an error (a cancellation aside) becomes `error` while the job is current; progress clears at its end. */
  guard(ticket: JobTicket, body: () => Promise<void>): Promise<void>
  /** Ends the current job at once (whatever it still returns is dropped); returns its id, 0 when none ran. */
  stop(): number
}

/** Creates the job slot of a store (see `JobSlot`). */
export function createJobSlot(progress: Ref<unknown>, error: Ref<string>): JobSlot {
  let seq = 0
  let current = 0
  return {
    get current() {
      return current
    },
    begin(start) {
      const id = (current = ++seq)
      error.value = ''
      if (start !== undefined) progress.value = start
      return { id, live: () => id === current }
    },
    async guard(ticket, body) {
      try {
        await body()
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e)
        if (ticket.live() && msg !== 'cancelled') error.value = msg
      } finally {
        if (ticket.live()) {
          progress.value = null
          current = 0
        }
      }
    },
    stop() {
      const id = current
      current = 0
      if (id) progress.value = null
      return id
    },
  }
}
