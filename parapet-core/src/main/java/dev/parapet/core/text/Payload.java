package dev.parapet.core.text;

import dev.parapet.core.finding.Span;

/**
 * A payload found encoded inside the text (base64, hex, URL-encoding, ROT13, written backwards, Morse code,
 * binary), decoded and normalised.
 *
 * @param encoding how it was encoded
 * @param source   where the encoded form sits in the original text
 * @param text     the decoded, normalised text; every char maps into {@code source} of the original
 */
public record Payload(Encoding encoding, Span source, MappedText text) {

    public enum Encoding { BASE64, HEX, URL, ROT13, REVERSED, MORSE, BINARY }
}
