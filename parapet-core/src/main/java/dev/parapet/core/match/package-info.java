/**
 * Multi-pattern string matching: {@link dev.parapet.core.match.AhoCorasick}, used by lexicon detectors
 * and by policy allow- and deny-lists.
 */
package dev.parapet.core.match;
