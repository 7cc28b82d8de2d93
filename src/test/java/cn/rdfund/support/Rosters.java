package cn.rdfund.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** 学员名册 workbooks as a claimant fills in the template, and valid 公民身份号码 to put in them. */
public final class Rosters {

    public static final List<String> HEADER = List.of("姓名", "公民身份号码", "毕业时间", "入职时间", "劳动合同期限（月）",
            "已缴社会保险（月）");
    private static final AtomicInteger NEXT = new AtomicInteger(new Random().nextInt(1_000_000));
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Rosters() {
    }

    /** A graduate who counts: joined after graduating, 12 months of contract and of insurance. */
    public static List<Object> graduate(String name, String idNumber) {
        return List.of(name, idNumber, "2024-06-30", "2024-07-15", 12, 12);
    }

    /** A valid number: the 17 digits given and their check character. */
    public static String idNumber(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** A valid number no other test graduate of this run has (tests share a database). */
    public static String uniqueIdNumber() {
        int n = NEXT.incrementAndGet();
        LocalDate born = LocalDate.of(1985, 1, 1).plusDays(n % 9000);
        return idNumber("210112" + born.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", (n / 9000) % 1000));
    }

    public static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("学员名册");
            write(sheet.createRow(0), List.copyOf(HEADER));
            for (int r = 0; r < rows.size(); r++) {
                write(sheet.createRow(r + 1), rows.get(r));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<?> values) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else {
                row.createCell(c).setCellValue(String.valueOf(value));
            }
        }
    }
}
