// Text selected in the reader becomes a term: of a new concept or an existing one, with the file and
// sentence as its source; the same term twice is refused; undo puts the glossary back.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { entry } from './helpers'
import { useDb } from '../../src/db'
import { getAllEntries, getEntry, saveEntry } from '../../src/db/termbase'
import { useReportsStore } from '../../src/stores/reports'
import { useNotifyStore } from '../../src/stores/notify'

describe('addTermFromReport', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    const db = useDb()
    await db.glossaryPages.clear()
    await saveEntry(db, entry('c-voenkomat', [['en', 'military commissariat', 'preferred']]))
  })

  it('creates a concept, adds to an existing one, refuses a duplicate and undoes', async () => {
    const reports = useReportsStore()
    const quote = 'Den vernepliktige møter på Voenkomatet.'
    const id = await reports.addTermFromReport({ text: 'vernepliktige', lang: 'nb', fileName: '001.txt', quote })
    const created = (await getEntry(useDb(), id!))!
    expect(created.terms).toMatchObject([{ text: 'vernepliktige', lang: 'nb', status: 'admitted', sources: [{ doc: '001.txt', quote }] }])
    expect(await reports.addTermFromReport({ text: 'Voenkomatet', lang: 'nb', conceptId: 'c-voenkomat', fileName: '001.txt', quote })).toBe('c-voenkomat')
    expect((await getEntry(useDb(), 'c-voenkomat'))!.terms.map((t) => t.text).sort()).toEqual(['Voenkomatet', 'military commissariat'])
    expect(await reports.addTermFromReport({ text: 'voenkomatet', lang: 'nb', conceptId: 'c-voenkomat', fileName: '001.txt', quote })).toBeNull()
    expect(await useNotifyStore().undoLast()).toBe(true)
    expect((await getEntry(useDb(), 'c-voenkomat'))!.terms.map((t) => t.text)).toEqual(['military commissariat'])
    expect((await getAllEntries(useDb())).length).toBe(2)
  })
})
