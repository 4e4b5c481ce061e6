// Browser storage: ask for persistence (so the browser does not evict the termbase) and report use, through
// one store, so that the header's meter and the Data page always show the same figures.
import { defineStore } from 'pinia'
import { ref } from 'vue'

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

export const useStorageStore = defineStore('storage', () => {
  /** Bytes used by this origin (navigator.storage.estimate), or null when the browser does not say. */
  const usage = ref<number | null>(null)
  /** Bytes this origin may use, or null. */
  const quota = ref<number | null>(null)
  /** Whether storage is persistent, or null when the browser does not say. */
  const persisted = ref<boolean | null>(null)
  /** The outcome of the last request for persistence made from the Data page, or null before one. */
  const requested = ref<boolean | null>(null)

  /** Reads the figures again (after an import, a deletion, a restore, or on a timer). */
  async function refresh(): Promise<void> {
    const u = await storageUsage()
    usage.value = u.usage
    quota.value = u.quota
    persisted.value = u.persisted
  }

  /** Asks the browser to keep the data (some browsers ask the user), then reads the figures again. */
  async function persist(): Promise<boolean> {
    const granted = await requestPersistence()
    requested.value = granted
    await refresh()
    return granted
  }

  return { usage, quota, persisted, requested, refresh, persist }
})
