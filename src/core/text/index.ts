// Public surface of the text toolkit: normalisation with offset maps, confusables, transliteration, search keys,
// the one hash (FNV-1a), the one edit distance (bounded Damerau-Levenshtein) and the one stop-word source.
export * from './normalize'
export * from './confusables'
export * from './translit'
export * from './searchKey'
export * from './hash'
export * from './editDistance'
export * from './stopwords'
