// Types of scripts/dict-pack.mjs, for the unit test that imports its dictd parser.

/** One entry of a dictd index: the headword and where its entry is in the .dict file (bytes). */
export interface IndexEntry { headword: string; offset: number; length: number }
/** One dictionary entry: its headword and, per sense, its translations. */
export interface DictEntry { headword: string; senses: string[][] }

export const SOURCES: Record<string, { direct: string | null; inverse: string | null }>
export function decodeDictNumber(s: string): number
export function parseIndex(text: string, file?: string): IndexEntry[]
export function parseEntry(body: string): string[][]
export function splitTranslations(line: string): string[]
export function readDictd(indexText: string, dict: Uint8Array | string, file?: string): DictEntry[]
export function buildLexicon(direct?: DictEntry[] | null, inverse?: DictEntry[] | null): Map<string, string[]>
export function formatLexicon(map: Map<string, string[]>): string
export function licenseOf(copyright: string, pair: string): string
export function ensureDictPack(opts?: { out?: string; force?: boolean; update?: boolean }): unknown
