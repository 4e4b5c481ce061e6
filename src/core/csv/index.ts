// The CSV glossary codec: RFC 4180 reading/writing, byte decoding, the wide/long/DeepL/Google layouts.
// Import from here; the files behind it are implementation detail.
export { type CsvDelimiter, type CsvRecord, type CsvIssue, type CsvParseResult, type CsvWriteOptions, detectDelimiter, parseCsv, serializeCsv } from './rfc4180'
export { type DecodeResult, type TextEncodingName, decodeCp1252, decodeCsvBytes, decodeTextBytes, findInvalidUtf8, likelyCp1252, utf16WithoutBom } from './decode'
export { LIST_SEP, decodeList, encodeList, neutraliseFormula, reverseNeutralisation } from './cells'
export { type CsvLayout, type ColumnRole, analyzeHeader } from './headers'
export { type LanguageLabel, langFromTag, parseLanguageLabel } from './languages'
export { type ImportIssue, type ImportOptions, type ImportResult, type PartialImport, languagesUsed, sortTermsByLanguage } from './importResult'
export { type CsvBytesResult, type CsvImportOptions, type CsvImportResult, type TableImportResult, importCsv, importCsvBytes, importTable } from './import'
export { type CsvExportOptions, type PairExport, PAIR_LIMITS, exportCsv, exportRows, pairEntries } from './export'
export { decodeSources, encodeSources } from './terms'
