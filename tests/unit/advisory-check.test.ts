// The advisory check's rules: semver ranges, runtime packages of a lockfile, dated exceptions, and the checked-in list.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  applyExceptions, compareVersions, findAffected, runtimePackages, satisfies, validateAdvisories, type Advisory,
} from '../../scripts/advisory-check.mjs'

const GHSA: Advisory = {
  id: 'GHSA-hq66-cqwq-w95j', package: 'pdfjs-dist', affected: '>=5.6.83 <6.2.108', severity: 'high', source: 'https://github.com/mozilla/pdf.js/security/advisories/GHSA-hq66-cqwq-w95j',
}

describe('semver ranges', () => {
  it('orders releases and pre-releases', () => {
    expect(compareVersions('5.10.0', '5.9.9')).toBeGreaterThan(0)
    expect(compareVersions('1.22.0-dev.20250409-89f8206ba4', '1.22.0')).toBeLessThan(0)
    expect(compareVersions('4.0.0-alpha.2', '4.0.0-alpha.10')).toBeLessThan(0)
    expect(compareVersions('v1.2.3', '1.2.3')).toBe(0)
  })

  it('matches comparator sets and alternatives at their bounds', () => {
    expect(satisfies('5.6.205', GHSA.affected)).toBe(true)
    expect(satisfies('5.6.83', GHSA.affected)).toBe(true)
    expect(satisfies('5.5.207', GHSA.affected)).toBe(false)
    expect(satisfies('6.2.108', GHSA.affected)).toBe(false)
    expect(satisfies('8.0.0', '<7.5.5 || 8.0.0')).toBe(true)
    expect(satisfies('8.0.1', '<7.5.5 || 8.0.0')).toBe(false)
    expect(satisfies('4.0.0-alpha.2', '<3.2.2 || >=4.0.0-alpha.1 <4.0.0-alpha.3')).toBe(true)
    expect(() => satisfies('1.0.0', '>=banana')).toThrow(/bad comparator ">=banana"/)
  })
})

describe('runtime packages of a lockfile', () => {
  it('keeps every installed version of non-dev packages, nested ones included', () => {
    const lock = {
      packages: {
        '': { name: 'app' },
        'node_modules/pdfjs-dist': { version: '5.6.205' },
        'node_modules/vitest': { version: '4.1.12', dev: true },
        'node_modules/fsevents': { version: '2.3.3', devOptional: true },
        'node_modules/a/node_modules/@scope/b': { version: '1.0.0' },
        'node_modules/@scope/b': { version: '2.0.0' },
      },
    }
    const p = runtimePackages(lock)
    expect([...p.keys()].sort()).toEqual(['@scope/b', 'pdfjs-dist'])
    expect([...p.get('@scope/b')!].sort()).toEqual(['1.0.0', '2.0.0'])
    expect(findAffected(p, [GHSA]).map((f) => `${f.package}@${f.version}`)).toEqual(['pdfjs-dist@5.6.205'])
  })

  it('refuses a lockfile without packages', () => {
    expect(() => runtimePackages({ dependencies: {} })).toThrow(/no "packages"/)
  })
})

describe('dated exceptions', () => {
  const finding = { id: GHSA.id, package: 'pdfjs-dist', version: '5.6.205', severity: 'high', title: '', source: GHSA.source }
  const exception = { id: GHSA.id, package: 'pdfjs-dist', reason: 'text extraction only', granted: '2026-12-04', until: '2027-01-31' }

  it('covers a finding until its date, and no longer after it', () => {
    expect(applyExceptions([finding], [exception], '2027-01-31').excepted).toHaveLength(1)
    const late = applyExceptions([finding], [exception], '2027-02-01')
    expect(late.failing).toHaveLength(1)
    expect(late.failing[0].expired?.until).toBe('2027-01-31')
  })

  it('covers only the version it names', () => {
    expect(applyExceptions([finding], [{ ...exception, version: '5.6.83' }], '2026-12-04').failing).toHaveLength(1)
  })
})

describe('security/advisories.json', () => {
  const list = JSON.parse(readFileSync(new URL('../../security/advisories.json', import.meta.url), 'utf8'))

  it('is well formed, and its exceptions are dated', () => {
    expect(() => validateAdvisories(list)).not.toThrow()
    expect(() => validateAdvisories({ ...list, exceptions: [{ id: 'x', package: 'y', reason: 'z', granted: '2026-12-04' }] })).toThrow(/exception 0 \(x\) lacks "until"/)
  })

  it('finds nothing affected in the committed lockfile, and the pdf.js advisory in the lockfile it replaced', () => {
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'))
    const current = runtimePackages(lock)
    expect(applyExceptions(findAffected(current, list.advisories), list.exceptions, '2026-12-04').failing).toEqual([])
    current.set('pdfjs-dist', new Set(['5.6.205']))
    expect(findAffected(current, list.advisories).map((f) => f.id)).toEqual(['GHSA-hq66-cqwq-w95j'])
  })
})
