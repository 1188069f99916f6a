package dev.parapet.cli;

import picocli.CommandLine;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the {@code parapet} command. */
public final class Main {

    /**
     * libphonenumber logs a WARNING ("File …AlternateFormatsProto_1 not found") the first time the phone detector
     * checks the grouping of a number whose country has no alternate formats: most countries have none, the
     * library then uses the main formats, and nothing is wrong. Users read it as a broken install, so the command
     * keeps that one logger to real errors. Held here because java.util.logging keeps loggers weakly, and a level
     * set on a collected logger is lost.
     */
    private static final Logger PHONE_METADATA =
            Logger.getLogger("com.google.i18n.phonenumbers.metadata.init.ClassPathResourceMetadataLoader");

    private Main() {
    }

    public static void main(String[] args) {
        PHONE_METADATA.setLevel(Level.SEVERE);
        System.exit(ParapetCommand.commandLine().execute(args));
    }
}
