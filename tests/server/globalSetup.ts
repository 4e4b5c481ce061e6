// Starts a throwaway PostgreSQL cluster and a redis-server on loopback for the server tests, and
// stops them afterwards (scripts/ensure-services.mjs installs them from Debian when missing).
import type { TestProject } from 'vitest/node'
// @ts-expect-error plain JavaScript module without types
import { startServices } from '../../scripts/ensure-services.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    services: { databaseUrl: string; redisUrl: string; dir: string; bin: string; pgPort: number }
  }
}

export default async function setup(project: TestProject) {
  const s = await startServices()
  project.provide('services', { databaseUrl: s.databaseUrl, redisUrl: s.redisUrl, dir: s.dir, bin: s.bin, pgPort: s.pgPort })
  return () => s.stop()
}
