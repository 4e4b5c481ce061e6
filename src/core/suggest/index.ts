// Public surface of translation suggestions: term protection, output checks, inflection and term candidates.
export { placeholder, protectTerms, restoreTerms, type PlaceholderStyle, type ProtectedSlot, type ProtectMatcher, type ProtectOptions } from './protect'
export { applyFix, checkTranslation, type CheckInput, type CheckMatcher, type TranslationCheck, type TranslationFinding } from './outputCheck'
export { inflectLike, matchCase } from './inflect'
export { contingency, dice, logLikelihood, signedLogLikelihood, type Contingency } from './association'
export { stopwordsOf, isStopwordIn, isForeignSentence } from '../text/stopwords'
export { extractNgrams, foldWord, phraseKey, wordKey, wordTokens, type NgramOccurrence, type WordToken } from './ngrams'
export {
  fileSpan, isMinable, linkToLanguage, prepareLanguageLinks, quoteAround,
  type LanguageLinker, type LinkEdge, type LinkToLanguageOptions, type SuggestDocument, type SuggestPassage, type UnitRef,
} from './corpus'
export { candidateToTerm, conceptsLackingLang, mergeCandidates, type Candidate, type CandidateEvidence, type CandidateSource, type CandidateToTermOptions } from './candidates'
export { prepareMining, refKey, sentenceSpans, type ConceptSource, type GramSpan, type MiningIndex, type MiningMatcher, type PrepareOptions, type SentenceUnit } from './units'
export { buildSentencePairs, replaceSourcePairs, type PairOptions, type SentencePair, type SentencePairs } from './pairs'
export { knownTermKeys, mineCooccurrence, type CooccurrenceOptions, type SimilarityEvidence } from './cooccurrence'
export {
  bestSimilarity, crossSimilarity, crossSkeleton, profileDice, referenceProfiles, similarityEvidence, trigramProfile, trigramWeights,
  type TrigramProfile, type TrigramWeights,
} from './similarity'
export { mineCognates, nordicSkeleton, RELATED_LANGS, type CognateOptions } from './cognates'
export { mineByTranslation, MT_SOURCE_LANGS, type TranslateFn, type TranslationCandidateOptions } from './mt'
export { glossesOf } from './gloss'
export { containsTerm, sameTerm } from './equivalence'
export { mergeSources, mineCandidates, SURE_COGNATE, type MineOptions, type MineStats } from './mine'
export { isForeignCandidate, isTermShaped, refineCandidates, termCandidates } from './termShape'
export { CANDIDATE_FEATURES, candidateFeatures, confidenceOf, type ConfidenceModel } from './confidence'
