package dev.parapet.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Hashes API keys as {@code sha256:SALT:HASH}: SHA-256 over a 16-byte random salt and the key.
 *
 * <p>A single salted SHA-256 rather than a slow password hash (PBKDF2) on purpose: API keys are long
 * random tokens (see {@link #newKey()}), so brute force is hopeless without key stretching, and a slow
 * hash would add milliseconds to every request.
 */
public final class KeyHasher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private KeyHasher() {
    }

    /** A new random key: {@code pk-} and 32 random bytes in hex. */
    public static String newKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "pk-" + HEX.formatHex(b);
    }

    /** The stored form of a key, with a fresh salt. */
    public static String hash(String key) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "sha256:" + HEX.formatHex(salt) + ":" + HEX.formatHex(digest(salt, key));
    }

    /** Whether {@code key} matches a stored hash; compares in constant time. */
    public static boolean matches(String key, String stored) {
        String[] parts = stored.split(":", -1);
        if (parts.length != 3 || !parts[0].equals("sha256")) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = HEX.parseHex(parts[1]);
            expected = HEX.parseHex(parts[2]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(salt, key));
    }

    private static byte[] digest(byte[] salt, String key) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
