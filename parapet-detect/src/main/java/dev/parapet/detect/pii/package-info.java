/**
 * Personal data and credentials found by validated patterns: {@link dev.parapet.detect.pii.PiiDetector}
 * (category {@code pii}) and {@link dev.parapet.detect.pii.SecretsDetector} (category {@code secrets}).
 *
 * <p>Every kind has a validator, so look-alikes stay quiet: Luhn and IIN ranges for cards, registry
 * length and mod-97 for IBANs, SSA issuing rules for SSNs, libphonenumber for phone numbers, a strict
 * parser for IP addresses, issuer prefixes and alphabets for tokens, decoding for JWTs. Scanners are
 * written by hand and walk the text once with bounded look-around, so time is linear in the input on
 * any text; long loops call {@code Deadline.check()}.
 *
 * <p>Decisions a reader might look for:
 * <ul>
 *   <li>Text is scanned in its NFKC view (full-width forms folded, invisible characters removed), with
 *   decimal digits of every script read as ASCII digits; spans point into the original text.</li>
 *   <li>E-mail addresses at reserved documentation domains ({@code example.com}, {@code .test}, ...)
 *   are reported with score 0.5: they are address-shaped but reach no one.</li>
 *   <li>IP addresses: {@code 0.0.0.0}, loopback, multicast, broadcast and netmasks are never reported;
 *   private, link-local and CGNAT ranges score 0.5; dotted quads of single digits ({@code 2.0.1.4})
 *   need an "IP" word nearby, since they are far more often versions.</li>
 *   <li>Secrets: UUIDs and hex strings (commit ids, SHA-256 digests) are never reported on their own,
 *   only when assigned to a key, token, secret or password name; long random-looking tokens alone are
 *   reported with score 0.6.</li>
 *   <li>Phone runs of more than 160 chars of digits and punctuation are tables or data, and are not
 *   given to libphonenumber.</li>
 * </ul>
 */
package dev.parapet.detect.pii;
