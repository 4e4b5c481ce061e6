// Matching imported glossaries against the termbase and merging them in: import from here.
export { type MatchCandidate, type MatchIndex, buildMatchIndex, findCandidates, identifiesConcept, termKey } from './match'
export { type FieldChange, diffEntries, pairTerms } from './diff'
export { type ConceptMerge, type IdSource, absorbConcept, asNewEntry, mergeInto, replaceWith } from './combine'
export {
  MERGE_ACTIONS, type MergeAction, type MergeChoice, type MergePlan, type MergeStatus, type PlanItem, type ResolveOptions,
  type ResolvedImport, planImport, resolvePlan,
} from './plan'
