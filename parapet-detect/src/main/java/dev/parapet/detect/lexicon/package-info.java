/**
 * The lexicon detector: multilingual term lists (profanity, slurs, explicit sexual terms, self-harm
 * phrases) matched on normalised text, robust to repeated letters, masks, accents, invisible chars and
 * letters spelled apart, with word boundaries that follow each script and allow-lists against the
 * Scunthorpe problem. Lexicons are TSV or YAML ({@link dev.parapet.detect.lexicon.LexiconLoader}); the
 * shipped ones are project-written, one file per language.
 */
package dev.parapet.detect.lexicon;
