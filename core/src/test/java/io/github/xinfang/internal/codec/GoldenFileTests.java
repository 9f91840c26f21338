package io.github.xinfang.internal.codec;

import io.github.xinfang.cases.CaseCommand;
import io.github.xinfang.cases.CaseEvent;
import io.github.xinfang.cases.CaseState;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The golden files: one committed sample per stored type, so that a change of the stored format is always
 * deliberate. For every event type of the table, the snapshot, and every command type, the fixed sample of
 * {@link GoldenSamples} must encode to exactly the committed text, and the committed text must decode to
 * the sample. Layout, under {@code core/src/test/resources/io/github/xinfang/codec/golden/}:
 * <pre>
 *   events/&lt;type name&gt;.v&lt;schema version&gt;.json    the payload, then a newline
 *   snapshot/case.snapshot.v&lt;schema version&gt;.json  the payload, then a newline
 *   commands/&lt;command type name&gt;.txt             "sha256 " + digest, newline, canonical JSON, newline
 * </pre>
 * Files of older schema versions stay: they are the old-format fixtures that must still decode through the
 * upcasters. A type without a file fails; {@value #REGENERATE} writes the missing and changed files of the
 * current versions (never those of older versions). Run it from the repository root; review the diff.
 */
class GoldenFileTests {
    static final Path ROOT = Path.of("src", "test", "resources", "io", "github", "xinfang", "codec", "golden");
    static final String REGENERATE = "mvn -B -pl core -am test -Dtest=GoldenFileTests -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dxinfang.failIfNoTests=false -Dxinfang.writeGoldenFiles=true";
    private static final boolean WRITE = Boolean.getBoolean("xinfang.writeGoldenFiles");
    private static final Pattern VERSIONED = Pattern.compile("(.+)\\.v([1-9][0-9]*)\\.json");

    private final CaseCodec codec = CaseCodec.create();

    @TestFactory
    Stream<DynamicTest> everyEventTypeEncodesItsSampleExactlyAsItsGoldenFile() {
        return TypeTable.events().stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
            CaseEvent sample = GoldenSamples.of(row.type());
            StoredEvent stored = codec.encode(sample);
            Path file = ROOT.resolve("events").resolve(row.name() + ".v" + stored.schemaVersion() + ".json");
            String committed = golden(file, stored.payload() + "\n", "event type " + row.name());
            var read = new StoredEvent(stored.caseId(), stored.sequence(), stored.type(), stored.schemaVersion(),
                    strip(committed), stored.recordedAt());
            assertThat(codec.decode(read)).as("%s decodes to the sample", file).isEqualTo(sample);
        }));
    }

    @Test
    void theSnapshotEncodesItsSampleExactlyAsItsGoldenFile() throws IOException {
        CaseState sample = GoldenSamples.of(CaseState.class);
        StoredSnapshot stored = codec.encodeSnapshot(sample, 7);
        Path file = ROOT.resolve("snapshot").resolve(TypeTable.SNAPSHOT_TYPE + ".v" + stored.schemaVersion() + ".json");
        String committed = golden(file, stored.payload() + "\n", "the snapshot");
        var read = new StoredSnapshot(stored.caseId(), 7, stored.schemaVersion(), strip(committed));
        assertThat(codec.decodeSnapshot(read)).isEqualTo(sample);
    }

    /**
     * The snapshot's golden file of every schema version (v1, flat; v2, grouped into parts; v3, clocks and duties in one
     * ledger; v4, a petition's subject tags) decodes to the same state, the sample (before v4, with no tags): an old
     * snapshot reads, through the upcasters, as the state it was written from.
     */
    @Test
    void theSnapshotGoldenFileOfEveryVersionDecodesToTheSample() throws IOException {
        CaseState sample = GoldenSamples.of(CaseState.class);
        List<Integer> versions = new ArrayList<>();
        for (Path file : list(ROOT.resolve("snapshot"))) {
            int version = Integer.parseInt(versioned(file).group(2));
            CaseState read = codec.decodeSnapshot(new StoredSnapshot(GoldenSamples.CASE.value(), 7, version, strip(read(file))));
            // before version 4 a petition had no subject tags: such a snapshot reads as the sample whose petition has none
            CaseState expected = version >= 4 ? sample : codec.decodeSnapshot(new StoredSnapshot(GoldenSamples.CASE.value(), 7, 4,
                    strip(read(ROOT.resolve("snapshot").resolve(TypeTable.SNAPSHOT_TYPE + ".v4.json")))
                            .replace("\"subjectTags\":[\"estate:样例花园\"]", "\"subjectTags\":[]")));
            assertThat(read).as("%s decodes to the sample", file).isEqualTo(expected);
            if (version < 4) assertThat(read.petition().subjectTags()).isEmpty();
            versions.add(version);
        }
        List<Integer> every = new ArrayList<>();
        for (int v = 1; v <= codec.currentVersion(TypeTable.SNAPSHOT_TYPE); v++) every.add(v);
        assertThat(versions).as("a golden file of every snapshot version").containsExactlyInAnyOrderElementsOf(every);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandTypeDigestsItsSampleExactlyAsItsGoldenFile() {
        return TypeTable.commands().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getValue(), () -> {
            CaseCommand sample = GoldenSamples.of(e.getKey());
            Path file = ROOT.resolve("commands").resolve(e.getValue() + ".txt");
            golden(file, "sha256 " + codec.digest(sample) + "\n" + codec.canonicalJson(sample) + "\n",
                    "command type " + e.getValue());
        }));
    }

    @Test
    void everyGoldenFileNamesATypeOfTheTableAndStillDecodes() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Path file : list(ROOT.resolve("events"))) {
            Matcher m = versioned(file);
            String type = m.group(1);
            int version = Integer.parseInt(m.group(2));
            // a retired name's records read as the type it became (type names are never removed, only retired)
            TypeTable.Retired retired = TypeTable.retired(type);
            String current = retired == null ? type : retired.becomes();
            assertThat(TypeTable.event(current)).as("%s: no event type %s in the table (type names are never removed)", file, type)
                    .isNotNull();
            assertThat(version).as("%s: newer than the table's version", file).isLessThanOrEqualTo(codec.currentVersion(current));
            // an older version is an old-format fixture: it must still read, through the upcasters
            CaseEvent event = codec.decode(new StoredEvent(GoldenSamples.CASE.value(), GoldenSamples.SEQUENCE, type, version,
                    strip(read(file)), GoldenSamples.RECORDED_AT));
            assertThat(event).isInstanceOf(TypeTable.event(current).type());
            checked.add(file.getFileName().toString());
        }
        for (Path file : list(ROOT.resolve("snapshot"))) {
            Matcher m = versioned(file);
            assertThat(m.group(1)).as("%s", file).isEqualTo(TypeTable.SNAPSHOT_TYPE);
            int version = Integer.parseInt(m.group(2));
            assertThat(version).as("%s: newer than the table's version", file)
                    .isLessThanOrEqualTo(codec.currentVersion(TypeTable.SNAPSHOT_TYPE));
            codec.decodeSnapshot(new StoredSnapshot(GoldenSamples.CASE.value(), 7, version, strip(read(file))));
            checked.add(file.getFileName().toString());
        }
        Map<String, ?> commandNames = Map.copyOf(inverse(TypeTable.commands()));
        for (Path file : list(ROOT.resolve("commands"))) {
            String name = file.getFileName().toString();
            assertThat(name).as("%s: a command type name of the table, .txt", file).endsWith(".txt");
            assertThat(commandNames).as("%s: no command type of that name", file).containsKey(name.substring(0, name.length() - 4));
            checked.add(name);
        }
        assertThat(checked).as("golden files found under %s", ROOT.toAbsolutePath())
                .hasSizeGreaterThanOrEqualTo(TypeTable.events().size() + 1 + TypeTable.commands().size());
    }

    // ------------------------------------------------------------------ helpers

    /** Compares (or, with -Dxinfang.writeGoldenFiles=true, writes) one golden file; returns its content. */
    private static String golden(Path file, String expected, String what) throws IOException {
        if (WRITE && (!Files.exists(file) || !read(file).equals(expected))) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        if (!Files.exists(file)) {
            fail("no golden file " + ROOT.relativize(file) + " for " + what + "; write it with " + REGENERATE);
        }
        String committed = read(file);
        assertThat(expected).as("the encoding of %s differs from its golden file %s. If the change is deliberate: "
                        + "raise the type's schema version in TypeTable, add an upcaster from the old version in Upcasters "
                        + "(keep the old golden file: it is the fixture proving the upcaster), then regenerate with %s",
                what, ROOT.relativize(file), REGENERATE)
                .isEqualTo(committed);
        return committed;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static String strip(String content) {
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) fail("no golden directory " + dir.toAbsolutePath() + "; write it with " + REGENERATE);
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static Matcher versioned(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        assertThat(m.matches()).as("%s: name must be <type>.v<version>.json", file).isTrue();
        return m;
    }

    private static <K, V> Map<V, K> inverse(Map<K, V> m) {
        Map<V, K> inv = new java.util.HashMap<>();
        m.forEach((k, v) -> inv.put(v, k));
        return inv;
    }
}
