// The stored QA ignore rules for the UI: followed live (other tabs included), compiled into one test that the
// QA store applies to every run's findings, added from a finding or from the filters, removed with an undo.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { liveQuery, type Subscription } from 'dexie'
import i18next from 'i18next'
import { compileIgnoreRules, ruleForFinding, type Finding, type IgnoreScope, type QaIgnoreConditions } from '../core/qa'
import { useDb } from '../db'
import { addIgnoreRule, listIgnoreRules, removeIgnoreRule, restoreIgnoreRule } from '../db/qa'
import type { QaIgnoreRuleRow } from '../db/schema'
import { useNotifyStore } from './notify'

export const useQaRulesStore = defineStore('qaRules', () => {
  const notify = useNotifyStore()
  /** Every rule, oldest first (live). */
  const rules = shallowRef<QaIgnoreRuleRow[]>([])
  /** The rule that ignores a finding (the oldest that matches), or undefined. */
  const ruleFor = computed(() => compileIgnoreRules(rules.value))
  let sub: Subscription | undefined

  /** Starts following the stored rules (idempotent). */
  function start(): void {
    sub ??= liveQuery(() => listIgnoreRules(useDb())).subscribe({ next: (v) => (rules.value = v), error: (e) => notify.push('error', String(e)) })
  }

  /** Stores a rule, with an undo; says so when the same rule is already there. */
  async function add(conditions: QaIgnoreConditions): Promise<void> {
    try {
      const { rule, added } = await addIgnoreRule(useDb(), conditions)
      if (added) notify.push('undo', i18next.t('qaKeep.rules.added'), async () => void (await removeIgnoreRule(useDb(), rule.id)))
      else notify.push('info', i18next.t('qaKeep.rules.exists'))
    } catch (e) {
      notify.push('error', e instanceof Error ? e.message : String(e))
    }
  }

  /** Ignores a finding's term in its report, or in every report, from now on. */
  function addForFinding(scope: IgnoreScope, f: Finding): Promise<void> {
    return add(ruleForFinding(scope, f))
  }

  /** Removes a rule (its findings show again), with an undo. */
  async function remove(rule: QaIgnoreRuleRow): Promise<void> {
    const removed = await removeIgnoreRule(useDb(), rule.id)
    if (removed) notify.push('undo', i18next.t('qaKeep.rules.removed'), () => restoreIgnoreRule(useDb(), removed))
  }

  return { rules, ruleFor, start, add, addForFinding, remove }
})
