// The connection to a team termbase server: a Yjs document synced through Hocuspocus, kept offline
// in IndexedDB (y-indexeddb) with its pending changes, and mirrored into the local Dexie termbase so
// that approved team changes are the termbase QA, linking and exports use. Also proposals, reviews
// and the team history of a concept (read from the server).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import i18next from 'i18next'
import * as Y from 'yjs'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { IndexeddbPersistence } from 'y-indexeddb'
import { validateEntry } from '../core/validateEntry'
import { addProposal, diffEntries, putEntries, readEntry, reviewProposal, roots, setField } from '../team/doc'
import { roleAtLeast, type AuditEntry, type Proposal, type TeamRole } from '../core/team/layout'
import { useDb } from '../db'
import { deleteConcepts, getAllEntries, importEntries } from '../db/termbase'
import { useNotifyStore } from './notify'

import { readTeamSettings, TEAM_SETTINGS_KEY as SETTINGS_KEY } from './teamSettings'

/** Where the connection stands, as the status mark shows it. */
export type TeamStatus = 'disconnected' | 'connecting' | 'syncing' | 'connected' | 'offline' | 'refused'

/** One row of the team history of a concept, as the server records it. */
export type TeamHistoryRow = AuditEntry

export const useTeamStore = defineStore('team', () => {
  const notify = useNotifyStore()
  const server = ref('')
  const token = ref('')
  const status = ref<TeamStatus>('disconnected')
  const pending = ref(0)
  const refusal = ref('')
  const me = ref<{ member: string; name: string; role: TeamRole } | null>(null)
  /** The team document; `version` bumps on every change so views recompute. */
  const doc = shallowRef<Y.Doc | null>(null)
  const version = ref(0)
  let provider: HocuspocusProvider | null = null
  let socket: HocuspocusProviderWebsocket | null = null
  let persistence: IndexeddbPersistence | null = null
  let mirrorTimer: ReturnType<typeof setTimeout> | undefined
  const dirty = new Set<string>()

  const can = (least: TeamRole) => computed(() => !!me.value && roleAtLeast(me.value.role, least))
  const canPropose = can('contributor')
  const canReview = can('reviewer')
  const isAdmin = can('admin')

  const saved = readTeamSettings()
  server.value = saved?.server ?? ''
  token.value = saved?.token ?? ''

  /** Proposals, newest first, with their status. */
  const proposals = computed(() => {
    void version.value
    if (!doc.value) return []
    const { proposals: p, reviews } = roots(doc.value)
    return [...p.values()]
      .map((x) => ({ proposal: x, review: reviews.get(x.id) ?? null }))
      .sort((a, b) => b.proposal.created.localeCompare(a.proposal.created))
  })

  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>()
  let nextId = 1

  /** Asks the server over the authenticated socket (a Hocuspocus stateless message). */
  function ask<T>(op: string, extra: Record<string, unknown> = {}): Promise<T> {
    if (!provider) return Promise.reject(new Error(i18next.t('team.review.notConnected')))
    const id = nextId++
    const p = new Promise<T>((ok, fail) => waiting.set(id, { ok: ok as (v: unknown) => void, fail }))
    provider.sendStateless(JSON.stringify({ id, op, ...extra }))
    return p
  }

  function onStateless(payload: string): void {
    try {
      const msg = JSON.parse(payload) as { id: number; result?: unknown; error?: string }
      const w = waiting.get(msg.id)
      waiting.delete(msg.id)
      if (msg.error) w?.fail(new Error(msg.error))
      else w?.ok(msg.result)
    } catch {
      /* not one of our replies */
    }
  }

  /** Connects to `url` with `tok` (remembered for the next visit). Only ever contacts that server. */
  async function connect(url: string, tok: string): Promise<void> {
    disconnect()
    if (!/^wss?:\/\/[^\s]+$/.test(url.trim())) throw new Error(i18next.t('team.badUrl'))
    server.value = url.trim()
    token.value = tok.trim()
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ server: server.value, token: token.value }))
    refusal.value = ''
    status.value = 'connecting'
    const d = new Y.Doc()
    persistence = new IndexeddbPersistence(`coi-termbench-team:${server.value}`, d)
    await persistence.whenSynced
    doc.value = d
    d.on('update', () => version.value++)
    roots(d).concepts.observeDeep((events) => {
      for (const ev of events) {
        if (ev.path.length === 0) for (const k of (ev as Y.YMapEvent<unknown>).keysChanged) dirty.add(k)
        else dirty.add(String(ev.path[0]))
      }
      scheduleMirror()
    })
    socket = new HocuspocusProviderWebsocket({ url: server.value })
    provider = new HocuspocusProvider({
      websocketProvider: socket, name: 'termbase', document: d, token: token.value,
      onStatus: ({ status: s }) => {
        if (status.value === 'refused') return
        status.value = s === 'connected' ? (provider?.isSynced ? 'connected' : 'syncing') : s === 'connecting' ? 'connecting' : 'offline'
      },
      onSynced: () => (status.value = pending.value ? 'syncing' : 'connected'),
      onUnsyncedChanges: ({ number }) => {
        pending.value = number
        if (status.value === 'connected' || status.value === 'syncing') status.value = number ? 'syncing' : 'connected'
      },
      onAuthenticated: () => void ask<{ member: string; name: string; role: TeamRole }>('me').then((v) => (me.value = v), () => undefined),
      onAuthenticationFailed: ({ reason }) => ((status.value = 'refused'), (refusal.value = reason)),
      onStateless: ({ payload }) => onStateless(payload),
      onClose: ({ event }) => {
        if (event?.reason && /refused|cannot|not the connected|over \d+ bytes|outside/.test(String(event.reason))) {
          status.value = 'refused'
          refusal.value = String(event.reason)
        }
      },
    })
    provider.attach()
  }

  /** Disconnects; the local termbase and the offline copy of the team document stay complete. */
  function disconnect(): void {
    for (const w of waiting.values()) w.fail(new Error(i18next.t('team.review.notConnected')))
    waiting.clear()
    provider?.destroy()
    socket?.destroy()
    void persistence?.destroy()
    provider = socket = persistence = null
    doc.value = null
    status.value = 'disconnected'
    pending.value = 0
  }

  /** Forgets the server and token (the local termbase is untouched). */
  function forget(): void {
    disconnect()
    localStorage.removeItem(SETTINGS_KEY)
    server.value = token.value = ''
    me.value = null
  }

  function scheduleMirror(): void {
    clearTimeout(mirrorTimer)
    mirrorTimer = setTimeout(() => void mirror(), 250)
  }

  /** Writes the approved team concepts that changed into the local Dexie termbase. */
  async function mirror(all = false): Promise<number> {
    const d = doc.value
    if (!d) return 0
    const ids = all ? [...roots(d).concepts.keys()] : [...dirty]
    dirty.clear()
    const put = [], gone: string[] = []
    for (const id of ids) {
      const e = readEntry(d, id)
      if (!e) gone.push(id)
      else if (validateEntry(e).length === 0) put.push(e)
    }
    try {
      if (put.length) await importEntries(useDb(), put, 'add')
      if (gone.length) await deleteConcepts(useDb(), gone)
    } catch (e) {
      notify.push('error', (e as Error).message)
    }
    return put.length
  }

  /** A reviewer or admin puts the local concepts the team lacks into the team termbase. */
  async function publishLocal(): Promise<number> {
    const d = doc.value
    if (!d || !canReview.value) return 0
    const have = roots(d).concepts
    const missing = (await getAllEntries(useDb())).filter((e) => !have.has(e.concept.id))
    // In batches, so that no single update nears the server's size limit.
    for (let i = 0; i < missing.length; i += 200) putEntries(d, missing.slice(i, i + 200))
    return missing.length
  }

  /** A contributor proposes every local concept that differs from the team's; returns how many. */
  async function proposeLocal(comment: string): Promise<number> {
    const d = doc.value
    if (!d || !me.value || !canPropose.value) return 0
    let n = 0
    for (const e of await getAllEntries(useDb())) {
      const changes = diffEntries(readEntry(d, e.concept.id), e)
      if (!changes.length || openProposalFor(e.concept.id, changes)) continue
      const evidence = e.terms.flatMap((t) => t.sources).slice(0, 50)
      const p: Proposal = { id: crypto.randomUUID(), conceptId: e.concept.id, author: me.value.member, authorName: me.value.name, created: new Date().toISOString(), comment, changes, evidence }
      addProposal(d, p)
      n++
    }
    return n
  }

  function openProposalFor(conceptId: string, changes: Proposal['changes']): boolean {
    const key = JSON.stringify(changes)
    return proposals.value.some((x) => !x.review && x.proposal.conceptId === conceptId && JSON.stringify(x.proposal.changes) === key)
  }

  /** A reviewer approves (applying the change) or rejects a proposal, with a comment. */
  function review(id: string, approved: boolean, comment: string): void {
    if (!doc.value || !me.value || !canReview.value) return
    reviewProposal(doc.value, id, { status: approved ? 'approved' : 'rejected', reviewer: me.value.member, reviewerName: me.value.name, at: new Date().toISOString(), comment })
  }

  /** A reviewer sets one field of an approved concept (e.g. chooses the other value of a conflict). */
  function chooseValue(conceptId: string, field: string, value: unknown): void {
    const m = doc.value && roots(doc.value).concepts.get(conceptId)
    if (m && canReview.value) setField(m, field, value)
  }

  /** The current team value of a field, for "which value stands". */
  function currentValue(conceptId: string, field: string): unknown {
    void version.value
    return doc.value ? roots(doc.value).concepts.get(conceptId)?.get(field) : undefined
  }

  /** The team history of a concept, from the server's audit log. */
  async function history(conceptId: string): Promise<TeamHistoryRow[]> {
    return ask<TeamHistoryRow[]>('history', { concept: conceptId })
  }

  /** Reconnects with the remembered settings (at app start or when the Data page opens). */
  async function resume(): Promise<void> {
    if (server.value && token.value && !provider) await connect(server.value, token.value).catch(() => undefined)
  }

  return {
    server, token, status, pending, refusal, me, doc, version, proposals, canPropose, canReview, isAdmin,
    connect, disconnect, forget, resume, mirror, publishLocal, proposeLocal, review, chooseValue, currentValue, history,
  }
})
