// Browser storage: ask for persistence (so the browser does not evict the termbase) and report use.

/** Asks the browser to keep our data under storage pressure; true when granted. */
export async function requestPersistence(): Promise<boolean> {
  if (!navigator.storage?.persist) return false
  if (await navigator.storage.persisted()) return true
  return navigator.storage.persist()
}

/** Bytes used and available, and whether storage is persistent (nulls where the browser does not say). */
export async function storageUsage(): Promise<{ usage: number | null; quota: number | null; persisted: boolean | null }> {
  if (!navigator.storage?.estimate) return { usage: null, quota: null, persisted: null }
  const e = await navigator.storage.estimate()
  const persisted = navigator.storage.persisted ? await navigator.storage.persisted() : null
  return { usage: e.usage ?? null, quota: e.quota ?? null, persisted }
}

/** "1.2 MB"-style size. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let i = 0
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000
    i++
  }
  return `${n < 10 && i > 0 ? n.toFixed(1) : Math.round(n)} ${units[i]}`
}
