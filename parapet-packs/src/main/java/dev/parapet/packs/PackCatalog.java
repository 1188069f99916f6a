package dev.parapet.packs;

import dev.parapet.core.yaml.YamlException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where packs come from: the ones shipped with Parapet (classpath, listed in {@code shipped/index.txt}) and the
 * {@code *.yaml} files of a folder the user configures. A name is a file path when such a file exists, else the
 * id of a pack in the folder or of a shipped pack.
 */
public final class PackCatalog {

    private static final String SHIPPED = "/dev/parapet/packs/shipped/";

    private final Optional<Path> folder;

    /** @param folder the user's pack folder, if any */
    public PackCatalog(Optional<Path> folder) {
        this.folder = folder;
    }

    /** The packs that ship with Parapet. */
    public List<PolicyPack> shipped() {
        List<PolicyPack> out = new ArrayList<>();
        for (String file : read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            out.add(PackLoader.parse("classpath:" + SHIPPED.substring(1) + file, bytes(file)));
        }
        return out;
    }

    /** The pack files in the configured folder, sorted by name (not yet parsed: a broken one must not hide the rest). */
    public List<Path> folderFiles() {
        if (folder.isEmpty()) {
            return List.of();
        }
        Path dir = folder.get();
        if (!Files.isDirectory(dir)) {
            throw new YamlException(dir.toString(), 0, 0, "the pack folder does not exist");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new YamlException(dir.toString(), 0, 0, "cannot list the pack folder: " + e.getMessage());
        }
    }

    /** A pack by file path, or by id among the folder's packs and then the shipped ones. */
    public PolicyPack resolve(String name) {
        Path p = Path.of(name);
        if (Files.isRegularFile(p)) {
            return PackLoader.load(p);
        }
        for (Path f : folderFiles()) {
            PolicyPack pack = PackLoader.load(f);
            if (pack.id().equals(name)) {
                return pack;
            }
        }
        return shipped().stream().filter(pk -> pk.id().equals(name)).findFirst()
                .orElseThrow(() -> new YamlException(name, 0, 0, "no such pack file, and no pack with that id (see "
                        + "'policy list')"));
    }

    private static String read(String file) {
        return new String(bytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String file) {
        try (InputStream in = PackCatalog.class.getResourceAsStream(SHIPPED + file)) {
            if (in == null) {
                throw new IllegalStateException("shipped pack resource " + SHIPPED + file + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped pack " + file + ": " + e.getMessage(), e);
        }
    }
}
