// First run: loads the starter glossary (glossary/starter.tbx, our own research from the five
// reports) into an empty termbase, once. The TBX is a lazy chunk, so it costs nothing afterwards.
import { useDb } from '../db'
import { getMeta, importEntries, setMeta } from '../db/termbase'
import { glossaryTables } from '../db/history'
import { useNotifyStore } from './notify'

/** WARNING: stored in users' databases; do not rename. */
export const STARTER_FLAG = 'starterLoaded'

/** Loads the starter glossary if this browser has never had one. Safe to call from two tabs at once. */
export async function ensureStarterGlossary(): Promise<void> {
  const db = useDb()
  if (await getMeta<boolean>(db, STARTER_FLAG)) return
  try {
    const [{ default: xml }, { importTbx }] = await Promise.all([import('../../glossary/starter.tbx?raw'), import('../core/tbx')])
    const parsed = importTbx(xml)
    if (parsed.errors.length) throw new Error(`starter.tbx: ${parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`)
    await db.transaction('rw', glossaryTables(db), async () => {
      if (await getMeta<boolean>(db, STARTER_FLAG)) return
      // A termbase that already has concepts (restored from a backup, say) is left alone.
      if ((await db.glossaryPages.count()) === 0) await importEntries(db, parsed.entries, 'add', { history: false })
      await setMeta(db, STARTER_FLAG, true)
    })
  } catch (e) {
    useNotifyStore().push('error', (e as Error).message)
  }
}
