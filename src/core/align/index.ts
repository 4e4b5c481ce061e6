// Public surface of sentence alignment: the aligner, its search, length, anchor and embedding costs, scoring and TMX export.
export { alignSentences, beadsToPairs, type AlignBead, type AlignOptions } from './alignSentences'
export { MODEL_SHAPES, searchBeads, SHAPES, shapesUpTo, type DpLevel, type SearchOptions, type Shape } from './dp'
export { embeddingLevel, overlapTexts, overlapVectors, sliceOverlaps, type EmbeddingWeights, type OverlapVectors } from './embeddingLevel'
export { lexicalLevel, lexicalSides, wordShare, type LexicalSide, type LexicalWeights } from './lexicalLevel'
export {
  BEAD_PRIORS, estimateLengthModel, learnedShapeCost, lengthCost, normalCdf, priorCost, shapeCost, shapePrior, type BeadType, type LengthModel,
} from './galeChurch'
export {
  ANCHOR_WEIGHTS, anchorsOf, anchorSimilarity, groupNumberMismatch, groupSimilarity, numberMismatch, sentenceFeatures,
  type SentenceAnchors,
} from './anchors'
export {
  addBeadCounts, alignmentLinks, beadCounts, beadScoreOf, beadsFromLadder, parseBeadLines, scoreAlignment, scoreBeads,
  type AlignmentScore, type BeadCounts, type BeadLike, type BeadScore,
} from './metrics'
export { tmxDate, toTmx, type TmxOptions, type TmxPair } from './tmx'
export {
  beadConfidence, beadShape, beadTexts, canMerge, canMove, canSplit, checkBeads, CONFIDENCE_LEVELS, mergeNext, moveSentence, splitBead,
  toggleConfirmed, type BeadConfidence, type BeadSide, type BeadText, type EditableBead,
} from './beadEdit'
export { alignAroundAnchors, confirmedAnchors, gapInputs, splitByGap, type AlignGap, type AnchorBead, type Corner, type GapAligner, type GapBead } from './anchored'
export { toXliff, XLIFF_NS, type XliffOptions, type XliffUnit } from './xliff'
