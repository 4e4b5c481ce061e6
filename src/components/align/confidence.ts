// The icon of each confidence level, shown with its colour and its word (colour is never the only cue).
import type { BeadConfidence } from '../../core/align'

/** A symbol per confidence level: a tick, full/half circle, a warning triangle, a pencil. */
export const CONFIDENCE_ICON: Record<BeadConfidence, string> = { confirmed: '✓', high: '●', medium: '◐', low: '▲', edited: '✎' }
