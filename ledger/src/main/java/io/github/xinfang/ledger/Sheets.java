package io.github.xinfang.ledger;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * A sheet written row by row: CSV or XLSX. Cells are text, {@code LocalDate}, {@code Long} or null (empty). The caller's
 * stream is flushed when the sheet closes, never closed.
 */
abstract class Sheets implements AutoCloseable {

    static Sheets open(Ledger.Format format, OutputStream out, String name, int rowsPerSheet) throws IOException {
        OutputStream kept = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        return format == Ledger.Format.CSV ? new Csv(kept) : new Xlsx(kept, name, rowsPerSheet);
    }

    /** Writes the header row (repeated at the top of each further XLSX sheet). */
    abstract void header(List<Object> cells) throws IOException;

    abstract void row(List<Object> cells) throws IOException;

    @Override
    public abstract void close() throws IOException;

    /**
     * @return the text with a leading apostrophe when a spreadsheet would read it as a formula ({@code = + - @}, or a
     *     tab or carriage return first)
     */
    static String neutralised(String text) {
        if (text.isEmpty()) return text;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    /** CSV: UTF-8 with a byte order mark, CRLF, fields quoted when they hold a comma, a quote or a line break. */
    private static final class Csv extends Sheets {
        private final BufferedWriter w;

        Csv(OutputStream out) throws IOException {
            this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write('\uFEFF');
        }

        @Override
        void header(List<Object> cells) throws IOException {
            row(cells);
        }

        @Override
        void row(List<Object> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) w.write(',');
                Object v = cells.get(i);
                if (v == null) continue;
                String text = v instanceof String s ? neutralised(s) : v.toString();
                boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                        || text.indexOf('\r') >= 0;
                w.write(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
            }
            w.write("\r\n");
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }

    /** XLSX through fastexcel, streamed: rows are flushed every {@value #FLUSH_EVERY}; a new sheet after the limit. */
    private static final class Xlsx extends Sheets {
        private static final int FLUSH_EVERY = 1_000;

        private final Workbook book;
        private final String name;
        private final int rowsPerSheet;
        private List<Object> header;
        private Worksheet sheet;
        private int sheets;
        private int row;

        Xlsx(OutputStream out, String name, int rowsPerSheet) {
            this.book = new Workbook(out, "xinfang", "1.0");
            this.name = sheetName(name);
            this.rowsPerSheet = rowsPerSheet;
        }

        /** @return a name Excel accepts: none of {@code []:*?/\}, at most 31 characters with room for a number */
        private static String sheetName(String name) {
            String clean = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
            return clean.length() > 25 ? clean.substring(0, 25) : clean.isEmpty() ? "sheet" : clean;
        }

        @Override
        void header(List<Object> cells) throws IOException {
            this.header = cells;
            next();
        }

        private void next() throws IOException {
            if (sheet != null) sheet.finish();
            sheets++;
            sheet = book.newWorksheet(sheets == 1 ? name : name + " (" + sheets + ")");
            row = 0;
            if (header != null) write(header);
        }

        @Override
        void row(List<Object> cells) throws IOException {
            if (sheet == null) next();
            if (header != null && row > rowsPerSheet) next();
            write(cells);
        }

        private void write(List<Object> cells) throws IOException {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v instanceof String s) {
                    sheet.value(row, c, neutralised(s));
                } else if (v instanceof LocalDate d) {
                    sheet.value(row, c, d);
                    sheet.style(row, c).format("yyyy-mm-dd").set();
                } else if (v instanceof Long n) {
                    sheet.value(row, c, n);
                } else if (v != null) {
                    throw new IllegalStateException("no cell type for " + v.getClass().getName());
                }
            }
            row++;
            if (row % FLUSH_EVERY == 0) sheet.flush();
        }

        @Override
        public void close() throws IOException {
            if (sheet == null) next();
            sheet.finish();
            book.finish();
        }
    }
}
