// A message the interface can say in any of its languages: English text (for the CLI, logs and tests), a stable
// code, and the values it names. Import issues, report read errors and termbase rule problems all take this shape.

/** The values a message names (a line, a file, a term …), for its translated text. */
export type MessageParams = Record<string, string | number>

/** English text, with the code and values the UI translates it by, where it has them. */
export interface CodedMessage {
  message: string
  code?: string
  params?: MessageParams
}
