package dev.parapet.openness.license;

import java.util.List;

/**
 * An AI model licence from Parapet's own table: what it permits and restricts, and why that matters.
 *
 * @param commercial     "yes", "no" or "limited"
 * @param userCap        monthly active users above which another licence is needed; 0 for no cap
 * @param acceptableUse  an acceptable-use / prohibited-use policy binds users
 * @param fieldOfUse     other limits on who may use it or for what
 * @param naming         naming duties for derivatives, or empty
 * @param propagates     restrictions must be passed on to derivatives (e.g. fine-tunes)
 * @param open           meets the open-source / open-data definitions despite not being OSI-approved
 */
public record AiLicense(String id, String name, List<String> aliases, String commercial, long userCap,
                        boolean acceptableUse, List<String> fieldOfUse, boolean attribution, String naming,
                        boolean propagates, boolean open, String why) {

    public AiLicense {
        aliases = List.copyOf(aliases);
        fieldOfUse = List.copyOf(fieldOfUse);
    }

    /** True when the licence restricts how or by whom the model may be used. */
    public boolean restrictsUse() {
        return !"yes".equals(commercial) || userCap > 0 || acceptableUse || !fieldOfUse.isEmpty();
    }

    /** The restrictions in words, for reports. */
    public List<String> restrictions() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if ("no".equals(commercial)) out.add("no commercial use");
        if (userCap > 0) out.add("separate licence needed above " + String.format("%,d", userCap) + " monthly active users");
        if (acceptableUse) out.add("acceptable-use policy binds users");
        out.addAll(fieldOfUse);
        if (!naming.isBlank()) out.add("naming: " + naming);
        return out;
    }
}
