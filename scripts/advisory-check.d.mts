// Types of scripts/advisory-check.mjs, for the unit test that imports its rules.

/** An advisory of security/advisories.json. */
export interface Advisory {
  id: string
  package: string
  affected: string
  severity: 'info' | 'low' | 'moderate' | 'high' | 'critical'
  source: string
  title?: string
  aliases?: string[]
  related?: string[]
  published?: string
  fixed?: string
}

/** A dated exception of security/advisories.json. */
export interface AdvisoryException {
  id: string
  package: string
  version?: string
  reason: string
  granted: string
  until: string
}

/** An installed version inside an advisory's affected range. */
export interface Finding {
  id: string
  package: string
  version: string
  severity: string
  title: string
  source: string
}

export interface ParsedVersion {
  nums: [number, number, number]
  pre: string[]
}

export function parseVersion(text: string): ParsedVersion | null
export function compareVersions(a: string | ParsedVersion, b: string | ParsedVersion): number
export function satisfies(version: string, range: string): boolean
export function runtimePackages(lock: unknown): Map<string, Set<string>>
export function validateAdvisories(list: unknown): void
export function findAffected(packages: Map<string, Set<string>>, advisories: readonly Advisory[]): Finding[]
export function applyExceptions(
  findings: readonly Finding[],
  exceptions: readonly AdvisoryException[] | undefined,
  today: string,
): { excepted: Array<Finding & { exception: AdvisoryException }>; failing: Array<Finding & { expired?: AdvisoryException }> }
export function npmAudit(cwd?: string): { answered: true; findings: Finding[] } | { answered: false; reason: string }
