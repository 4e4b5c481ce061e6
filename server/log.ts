// Structured logs: one JSON object per line on stdout (errors on stderr), with time, level and event.

/** A logger bound to one server instance. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void
  warn(event: string, fields?: Record<string, unknown>): void
  error(event: string, fields?: Record<string, unknown>): void
}

/** Creates a logger writing JSON lines; `sink` replaces stdout/stderr (tests read the lines). */
export function createLogger(instance: string, sink?: (line: string) => void): Logger {
  const write = (level: string, event: string, fields: Record<string, unknown> = {}) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, instance, event, ...fields })
    if (sink) sink(line)
    else if (level === 'error') process.stderr.write(line + '\n')
    else process.stdout.write(line + '\n')
  }
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  }
}
