// The MultiTerm XML codec (import and export of the `mtf` format). Import from here.
export { exportMultiTerm } from './export'
export { importMultiTerm } from './import'
export { MT_FIELDS, MT_LANGS } from './format'
