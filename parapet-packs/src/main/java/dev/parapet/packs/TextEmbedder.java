package dev.parapet.packs;

/** Turns a text into a unit-length vector; {@code MiniLmEmbedder::embed} is the one Parapet ships. */
@FunctionalInterface
public interface TextEmbedder {

    float[] embed(String text);
}
