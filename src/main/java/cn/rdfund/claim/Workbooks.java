package cn.rdfund.claim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reading the Excel files claimants and lead units upload (学员名册, 免申即享 lists): how large a workbook unpacks to,
 * and a cell as the person meant it — its shown text, a formula's saved value, a date in any of Excel's or people's
 * forms.
 */
final class Workbooks {

    /** POI's own guard for what it unpacks while reading (it reads nothing else in RDFund). */
    private static final long POI_ENTRY_LIMIT = 8L * 1024 * 1024;
    /** Excel's day numbers from 1950 to 2099: a number in a date column that is a date without a date format. */
    private static final double FIRST_DAY = 18264;
    private static final double LAST_DAY = 73415;
    /** Strict: 2024-02-30 is no date, not 2024-02-29. */
    private static final DateTimeFormatter[] DATES = Stream.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日",
            "uuuuMMdd").map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
            .toArray(DateTimeFormatter[]::new);

    static {
        ZipSecureFile.setMaxEntrySize(POI_ENTRY_LIMIT);
    }

    private Workbooks() {
    }

    /** An .xlsx (a zip); otherwise an .xls, which POI reads whole, or no workbook. */
    static boolean zipped(byte[] workbook) {
        return workbook.length >= 2 && workbook[0] == 'P' && workbook[1] == 'K';
    }

    /**
     * What an .xlsx unpacks to, counted (up to just past {@code limit}) with the zip reader POI itself uses, so that a
     * file it would open is never one this count could not read; empty when it cannot be read at all. An .xls: its
     * own size.
     */
    static OptionalLong unpackedSize(byte[] workbook, long limit) {
        if (!zipped(workbook)) {
            return OptionalLong.of(workbook.length);
        }
        long unpacked = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(workbook), "UTF-8", true,
                true)) {
            while (zip.getNextEntry() != null) {
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    unpacked += n;
                    if (unpacked > limit) {
                        return OptionalLong.of(unpacked);
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(unpacked);
    }

    /** What the cell shows; a formula's value as Excel saved it (a sheet built with VLOOKUP). */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        DataFormatter shown = new DataFormatter();
        shown.setUseCachedValuesForFormulaCells(true);
        return shown.formatCellValue(cell).replace('\u00A0', ' ').replace('\u3000', ' ').strip();
    }

    static boolean numeric(Cell cell) {
        return cell != null && (cell.getCellType() == CellType.NUMERIC || (cell.getCellType() == CellType.FORMULA
                && cell.getCachedFormulaResultType() == CellType.NUMERIC));
    }

    /** The date a cell holds (a date cell in any format, a day number that lost its format, typed text), or null. */
    static LocalDate dateOf(Cell cell) {
        if (numeric(cell) && cell.getNumericCellValue() >= FIRST_DAY && cell.getNumericCellValue() <= LAST_DAY) {
            return DateUtil.getLocalDateTime(cell.getNumericCellValue()).toLocalDate();
        }
        String typed = text(cell).split("[ T]")[0];
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(typed, format);
            } catch (DateTimeParseException notThisFormat) {
                // the next
            }
        }
        return null;
    }
}
