package dev.parapet.detect.pii;

/** Recognises the 8-4-4-4-12 hex layout of UUIDs. */
final class Uuids {

    private Uuids() {
    }

    static boolean isUuid(String s, int start, int end) {
        if (end - start != 36) {
            return false;
        }
        for (int k = 0; k < 36; k++) {
            char c = s.charAt(start + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : !Chars.isHex(c)) {
                return false;
            }
        }
        return true;
    }
}
