// The glossary compiled for matching (one automaton, rebuilt when the glossary changes), and the
// split of a passage into plain and highlighted segments for safe rendering as text nodes.
import { defineStore } from 'pinia'
import { shallowRef, triggerRef, watch } from 'vue'
import type { Lang } from '../core/model'
import { MatcherCache, type Matcher, type TermHit } from '../core/matcher'
import { useGlossaryStore } from './glossary'

/** A piece of passage text: plain, or a glossary hit. */
export interface TextSegment {
  text: string
  hit?: TermHit
}

/** Cuts `text` into segments around non-overlapping hits (hits sorted by start). */
export function segmentsOf(text: string, hits: TermHit[]): TextSegment[] {
  const out: TextSegment[] = []
  let pos = 0
  for (const h of hits) {
    if (h.start < pos) continue
    if (h.start > pos) out.push({ text: text.slice(pos, h.start) })
    out.push({ text: text.slice(h.start, h.end), hit: h })
    pos = h.end
  }
  if (pos < text.length) out.push({ text: text.slice(pos) })
  return out
}

export const useTermMatcherStore = defineStore('termMatcher', () => {
  const glossary = useGlossaryStore()
  /** The current matcher; updated concept by concept when the glossary changes (watchers are triggered). */
  const matcher = shallowRef<Matcher | null>(null)
  const cache = new MatcherCache()

  glossary.start()
  watch(
    () => glossary.entries,
    (entries) => {
      if (!entries.length) {
        matcher.value = null
        return
      }
      const m = cache.get({ entries })
      if (matcher.value !== m) matcher.value = m
      else if (cache.lastChanged) triggerRef(matcher)
    },
    { immediate: true },
  )

  /** Glossary hits in a passage of language `lang` (the longest hit wins where hits overlap). */
  function hitsIn(text: string, lang: Lang | 'und'): TermHit[] {
    if (!matcher.value || lang === 'und') return []
    return matcher.value.match(text, lang)
  }

  return { matcher, hitsIn }
})
