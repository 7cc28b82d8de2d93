package cn.rdfund.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table to download: Chinese headers, amounts already in 万元 (BigDecimal, two decimals), times to the second.
 * CSV is UTF-8 with a byte-order mark so that Excel and WPS open the Chinese text correctly.
 */
record ExportTable(String title, List<String> headers, List<List<Object>> rows) {

    static final String CSV = "csv";
    static final String XLSX = "xlsx";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The file to download: {@code name.csv} or {@code name.xlsx}. */
    ResponseEntity<byte[]> download(String format, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (XLSX.equals(format)) {
                xlsx(out);
            } else {
                csv(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(XLSX.equals(format) ? MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format + "\"")
                .body(out.toByteArray());
    }

    private void csv(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL.builder().setHeader(headers.toArray(String[]::new)).get());
        for (List<Object> row : rows) {
            printer.printRecord(row.stream().map(ExportTable::text).map(ExportTable::inert).toList());
        }
        printer.flush();
    }

    private void xlsx(OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(title);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wan = workbook.createCellStyle();
            wan.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    if (values.get(c) instanceof BigDecimal amount) {
                        // Excel keeps numbers as binary floating point only; 万元 with two decimals survive exactly.
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(wan);
                    } else {
                        cell.setCellValue(text(values.get(c)));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }

    /**
     * Names and titles come from applicants: a cell starting like a formula (=, +, -, @, tab, return) would be run
     * by Excel when an auditor opens the CSV; a leading apostrophe keeps it text. (XLSX cells are typed text.)
     */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !NUMBER.matcher(cell).matches()
                ? "'" + cell : cell;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime time) {
            return TIME.format(time);
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return String.valueOf(value);
    }
}
