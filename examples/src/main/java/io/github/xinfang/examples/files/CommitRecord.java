package io.github.xinfang.examples.files;

import io.github.xinfang.persistence.CaseCommit;
import io.github.xinfang.persistence.ClockDue;
import io.github.xinfang.persistence.IndexRow;
import io.github.xinfang.persistence.StoredEvent;
import io.github.xinfang.persistence.StoredSnapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One commit as the log stores it: its feed position and the whole {@link CaseCommit} (events, snapshot, index row,
 * idempotency key and digest), in a small binary format. Text is UTF-8 behind its byte length, so payloads come back
 * byte for byte (rule S1); instants are epoch seconds and nanoseconds, exact. The case id, the versions and the case
 * id of every part are written once and derived on reading.
 *
 * @param position the commit's position in the change feed, from 1
 * @param commit the commit
 */
record CommitRecord(long position, CaseCommit commit) {

    /** The format of the bytes below; a reader refuses any other. */
    private static final int FORMAT = 1;

    /**
     * Encodes the record.
     *
     * @return the record's bytes
     * @throws IllegalArgumentException if a text of the commit is not well-formed Unicode (a lone surrogate), which
     *                                  UTF-8 cannot carry byte for byte
     */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            CaseCommit c = commit;
            out.writeInt(FORMAT);
            out.writeLong(position);
            writeText(out, c.caseId());
            out.writeLong(c.expectedVersion());
            writeText(out, c.idempotencyKey());
            writeText(out, c.commandDigest());
            out.writeInt(c.events().size());
            for (StoredEvent e : c.events()) {
                out.writeLong(e.sequence());
                writeText(out, e.type());
                out.writeInt(e.schemaVersion());
                writeText(out, e.payload());
                writeInstant(out, e.recordedAt());
            }
            out.writeInt(c.snapshot().schemaVersion());
            writeText(out, c.snapshot().payload());
            writeRow(out, c.indexRow());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a record {@link #encode} wrote.
     *
     * @param body the bytes
     * @return the record
     * @throws IOException if the bytes are not such a record
     */
    static CommitRecord decode(byte[] body) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            int format = in.readInt();
            if (format != FORMAT) throw new IOException("unknown record format " + format);
            long position = in.readLong();
            String caseId = readText(in);
            long expectedVersion = in.readLong();
            String key = readText(in);
            String digest = readText(in);
            int count = in.readInt();
            List<StoredEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(new StoredEvent(caseId, in.readLong(), readText(in), in.readInt(), readText(in),
                        readInstant(in)));
            }
            StoredSnapshot snapshot = new StoredSnapshot(caseId, expectedVersion + 1, in.readInt(), readText(in));
            IndexRow row = readRow(in, caseId, expectedVersion + 1);
            if (in.available() != 0) throw new IOException("bytes after the record's end");
            return new CommitRecord(position, new CaseCommit(caseId, expectedVersion, events, snapshot, row, key, digest));
        } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw new IOException("the record's fields are inconsistent", e);
        }
    }

    private static void writeRow(DataOutputStream out, IndexRow r) throws IOException {
        out.writeInt(r.schemaVersion());
        writeText(out, r.stage());
        writeText(out, r.regionCode());
        writeOptionalText(out, r.handlingUnit().orElse(null));
        writeOptionalInstant(out, r.nextAttentionAt().orElse(null));
        writeTexts(out, r.unitsInvolved());
        writeOptionalText(out, r.trackState().orElse(null));
        writeOptionalText(out, r.activeLeader().orElse(null));
        writeOptionalText(out, r.leadUnit().orElse(null));
        writeTexts(out, r.batches());
        writeOptionalInstant(out, r.earliestDueAt().orElse(null));
        out.writeInt(r.clockDues().size());
        for (ClockDue d : r.clockDues()) {
            writeText(out, d.clock());
            writeInstant(out, d.dueAt());
        }
        writeTexts(out, r.subjectTags());
        out.writeBoolean(r.lastPetitionOn().isPresent());
        if (r.lastPetitionOn().isPresent()) out.writeLong(r.lastPetitionOn().get().toEpochDay());
        // the access columns (IndexRow 0.7) close the record; a record written before them ends here
        writeTexts(out, r.accessUnits());
        writeTexts(out, r.accessOfficials());
        writeTexts(out, r.accusedUnits());
        writeTexts(out, r.accusedOfficials());
    }

    private static IndexRow readRow(DataInputStream in, String caseId, long version) throws IOException {
        IndexRow.Builder b = IndexRow.builder(caseId).version(version).schemaVersion(in.readInt())
                .stage(readText(in)).regionCode(readText(in)).handlingUnit(readOptionalText(in))
                .nextAttentionAt(readOptionalInstant(in)).unitsInvolved(readTexts(in))
                .trackState(readOptionalText(in)).activeLeader(readOptionalText(in)).leadUnit(readOptionalText(in))
                .batches(readTexts(in)).earliestDueAt(readOptionalInstant(in));
        int dues = in.readInt();
        List<ClockDue> clockDues = new ArrayList<>(dues);
        for (int i = 0; i < dues; i++) clockDues.add(new ClockDue(readText(in), readInstant(in)));
        b.clockDues(clockDues).subjectTags(readTexts(in));
        b.lastPetitionOn(in.readBoolean() ? java.time.LocalDate.ofEpochDay(in.readLong()) : null);
        if (in.available() != 0) {
            b.accessUnits(readTexts(in)).accessOfficials(readTexts(in)).accusedUnits(readTexts(in)).accusedOfficials(readTexts(in));
        }
        return b.build();
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        ByteBuffer utf8;
        try {
            // a new encoder reports a lone surrogate, where String.getBytes would silently write '?'
            utf8 = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("a text of the commit is not well-formed Unicode", e);
        }
        out.writeInt(utf8.remaining());
        out.write(utf8.array(), utf8.arrayOffset() + utf8.position(), utf8.remaining());
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) throw new IOException("a text longer than the record");
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeOptionalText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) writeText(out, text);
    }

    private static String readOptionalText(DataInputStream in) throws IOException {
        return in.readBoolean() ? readText(in) : null;
    }

    private static void writeTexts(DataOutputStream out, Collection<String> texts) throws IOException {
        out.writeInt(texts.size());
        for (String t : texts) writeText(out, t);
    }

    private static List<String> readTexts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("a list longer than the record");
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) texts.add(readText(in));
        return texts;
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeOptionalInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeBoolean(at != null);
        if (at != null) writeInstant(out, at);
    }

    private static Instant readOptionalInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? readInstant(in) : null;
    }
}
