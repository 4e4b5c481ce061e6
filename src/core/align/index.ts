// Public surface of sentence alignment: the DP aligner, its length and anchor costs, scoring and TMX export.
export { alignSentences, beadsToPairs, type AlignBead, type AlignOptions } from './alignSentences'
export { BEAD_PRIORS, estimateLengthModel, lengthCost, normalCdf, priorCost, type BeadType, type LengthModel } from './galeChurch'
export {
  ANCHOR_WEIGHTS, anchorsOf, anchorSimilarity, groupNumberMismatch, groupSimilarity, numberMismatch, sentenceFeatures,
  type SentenceAnchors,
} from './anchors'
export { alignmentLinks, beadsFromLadder, scoreAlignment, type AlignmentScore, type BeadLike } from './metrics'
export { escapeXml, tmxDate, toTmx, type TmxOptions, type TmxPair } from './tmx'
export {
  beadConfidence, beadShape, beadTexts, canMerge, canMove, canSplit, checkBeads, CONFIDENCE_LEVELS, mergeNext, moveSentence, splitBead,
  toggleConfirmed, type BeadConfidence, type BeadSide, type BeadText, type EditableBead,
} from './beadEdit'
export { alignAroundAnchors, confirmedAnchors, gapInputs, splitByGap, type AlignGap, type AnchorBead, type Corner, type GapAligner, type GapBead } from './anchored'
export { toXliff, XLIFF_NS, type XliffOptions, type XliffUnit } from './xliff'
