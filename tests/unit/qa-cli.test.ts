// The `check` CLI command: JSON findings and usage with offsets into the file as read, glossaries in JSON, CSV and TBX.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCheck } from '../../src/cliCommands/check'
import { exportCsv } from '../../src/core/csv'
import { exportTbx } from '../../src/core/tbx'
import { hydrateStarter } from '../../src/core/starterGlossary'

const dir = mkdtempSync(join(tmpdir(), 'qa-cli-'))
const report = join(dir, 'report.txt')
const text = '\uFEFFRussia – Conscription\n\nThe Voенkomat sends a summons. Every Voenkoms keeps files; the Voenkamat called twice.\n\nThe Voenkomat decides.\n'
writeFileSync(report, text)

describe('runCheck', () => {
  it('returns findings and usage as JSON with UTF-16 offsets into the file', async () => {
    const out = JSON.parse(await runCheck([report, '--lang', 'en', '--json']))
    const read = readFileSync(report, 'utf8')
    const byCheck = Object.fromEntries(out.findings.map((f: { check: string }) => [f.check, f]))
    expect(byCheck['mixed-script']).toMatchObject({ surface: 'Voенkomat', suggestion: 'Voenkomat', file: report, conceptId: 'c-voenkomat' })
    expect(byCheck['deprecated-term']).toMatchObject({ surface: 'Voenkoms', suggestion: 'Voenkomat', severity: 'warning', term: 'Voenkoms' })
    expect(byCheck.misspelling).toMatchObject({ surface: 'Voenkamat', suggestion: 'Voenkomat' })
    for (const f of out.findings) expect(read.slice(f.start, f.end)).toBe(f.surface)
    expect(out.usage['c-voenkomat'][report]).toMatchObject({ voenkomat: 1, voenkoms: 1, 'voенkomat': 1 })
    expect(out.usage['c-summons'][report]).toEqual({ summons: 1 })
  })

  it('reads CSV and TBX glossaries and runs only the checks asked for', async () => {
    const g = hydrateStarter(JSON.parse(readFileSync('glossary/starter.json', 'utf8')))
    const csv = join(dir, 'g.csv')
    const tbx = join(dir, 'g.tbx')
    writeFileSync(csv, exportCsv(g))
    writeFileSync(tbx, exportTbx(g))
    for (const glossary of [csv, tbx]) {
      const out = JSON.parse(await runCheck([report, '--glossary', glossary, '--lang', 'en', '--checks', 'mixed-script', '--json']))
      expect(out.findings.map((f: { check: string }) => f.check)).toEqual(['mixed-script'])
    }
  })

  it('prints a text report and rejects bad arguments', async () => {
    const out = await runCheck([report, '--lang', 'en'])
    expect(out).toMatch(/report\.txt:3:5 {2}error {3}mixed-script/)
    expect(out).toContain('Usage (concept: file: rendering ×count):')
    await expect(runCheck([])).rejects.toThrow(/usage/)
    await expect(runCheck([report, '--checks', 'nope'])).rejects.toThrow(/unknown check/)
  })
})
