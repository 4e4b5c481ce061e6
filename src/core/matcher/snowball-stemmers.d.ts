// Types for the untyped `snowball-stemmers` package (a JS port of the Snowball stemmers).
declare module 'snowball-stemmers' {
  /** A stemmer for one language. */
  export interface SnowballStemmer {
    stem(word: string): string
  }
  /** Creates a stemmer: 'finnish', 'norwegian', 'danish', 'swedish', 'french', 'english', 'russian', … */
  export function newStemmer(language: string): SnowballStemmer
  /** Names of the available algorithms. */
  export function algorithms(): string[]
}
