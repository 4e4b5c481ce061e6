// The TBX codec: TBX-Basic v3 export, TBX v3 and v2 (martif, IATE) import. Import from here.
export { type TbxExportOptions, exportTbx } from './export'
export { type TbxImportOptions, type TbxImportResult, importTbx, importTbxBytes } from './import'
export { FORBIDDEN_NOTE, TBX_GENERATOR, TBX_NAMESPACE } from './format'
export type { ImportIssue, ImportResult } from '../csv/importResult'
