// Public surface of the text toolkit: normalisation with offset maps, confusables, transliteration and search keys.
export * from './normalize'
export * from './confusables'
export * from './translit'
export * from './searchKey'
