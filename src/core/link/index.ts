// Public surface of passage linking across languages: features, inverted index, scoring, evidence and the neural hook.
export { extractNumbers, type NumericKind, type NumericMention } from './numbers'
export { monthOf } from './months'
export { parseNumber, tokenize, type Token, type TokenKind } from './tokens'
export { consonantSkeleton, extractNames, type LexicalKind, type LexicalMention, type NameOptions } from './names'
export { isStopword } from './stopwords'
export { foldLexicon, matchLexicon, type LexiconHit } from './lexicon'
export {
  extractFeatures, extractQueryFeatures, isDictionaryKey, kindOfKey, summarize,
  type ConceptMatcherLike, type FeatureKind, type FeatureOptions, type LinkFeature, type LinkPassage, type PassageFeatures,
} from './features'
export {
  buildLinkIndex, searchLinkIndex, idf, DEFAULT_WEIGHTS,
  type FeatureWeights, type LinkIndex, type LinkIndexOptions, type ScoredCandidate, type SearchOptions,
} from './linkIndex'
export { explainLink, type LinkEvidence, type SharedFeature } from './evidence'
export { cosine, normaliseInPlace, type NeuralOptions, type NeuralSimilarity, type PassageEmbeddings } from './hybrid'
export {
  linkDocuments, linkPrepared, prepareLinkTarget, featuresOf, queryFeaturesOf, kindsCompatible,
  type LinkCandidate, type LinkMethod, type LinkOptions, type LinkTarget, type PassageLinks,
} from './linkDocuments'
export { isFalseFriend, verifyCognate, cognateSimilarity } from './falseFriends'
export { isReferenceLike, leadingEnumeratorLength } from './references'
export {
  buildDictionary, dictionaryFromPack, englishKey, matchDictionary, parseDictionaryPack,
  type DictionaryEntries, type DictionaryHit, type DictionaryManifest, type DictionaryOptions, type LinkDictionary,
} from './dictionary'
export {
  CALIBRATION, PAIR_FEATURES, pairFeatures, probability, strengthOf,
  type CalibrationModel, type LinkStrength, type PairContext, type PairFeatureName,
} from './calibrate'
