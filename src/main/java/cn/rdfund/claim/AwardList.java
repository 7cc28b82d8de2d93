package cn.rdfund.claim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * An official list for 免申即享 as a lead unit imports it: an Excel workbook whose first sheet has a header row with
 * {@link #COLUMNS} and one enterprise per row (统一社会信用代码, 企业名称, 类别 — the value or the label of the measure's
 * category list —, 认定日期). Reads the rows as they are; whether each becomes a claim is {@link AwardLists}' business.
 */
final class AwardList {

    static final String USCC = "统一社会信用代码";
    static final String NAME = "企业名称";
    static final String CATEGORY = "类别";
    static final String DATE = "认定日期";
    static final List<String> COLUMNS = List.of(USCC, NAME, CATEGORY, DATE);
    private static final int MAX_ROWS = 5000;
    private static final long MAX_UNPACKED_BYTES = 16L * 1024 * 1024;

    /** One listed enterprise as the file has it; {@code row}: Excel's row number; a date null where none is read. */
    record Listed(int row, String uscc, String name, String category, LocalDate referenceDate) {
    }

    private AwardList() {
    }

    /** The rows, or why the file cannot be read as a list (thrown as the refusal, nothing imported). */
    static List<Listed> read(byte[] workbook) {
        OptionalLong unpacked = Workbooks.unpackedSize(workbook, MAX_UNPACKED_BYTES);
        if (unpacked.isEmpty() || unpacked.getAsLong() > MAX_UNPACKED_BYTES) {
            throw new IllegalArgumentException("名单无法读取或过大：请上传只含名单一张表的 Excel（.xlsx）文件");
        }
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> columns = new HashMap<>();
            if (header != null) {
                header.forEach(cell -> {
                    String name = Workbooks.text(cell).replaceAll("\\s", "");
                    if (COLUMNS.contains(name)) {
                        columns.putIfAbsent(name, cell.getColumnIndex());
                    }
                });
            }
            List<String> missing = COLUMNS.stream().filter(name -> !columns.containsKey(name)).toList();
            if (header == null || !missing.isEmpty()) {
                throw new IllegalArgumentException("名单第一行应为表头，缺少列：" + String.join("、", missing));
            }
            List<Listed> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || COLUMNS.stream().allMatch(c -> Workbooks.text(row.getCell(columns.get(c))).isEmpty())) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new IllegalArgumentException("名单超过" + MAX_ROWS + "行，请分批导入");
                }
                Cell date = row.getCell(columns.get(DATE));
                rows.add(new Listed(r + 1, Workbooks.text(row.getCell(columns.get(USCC))).replaceAll("\\s", "")
                        .toUpperCase(java.util.Locale.ROOT),
                        Workbooks.text(row.getCell(columns.get(NAME))),
                        Workbooks.text(row.getCell(columns.get(CATEGORY))), Workbooks.dateOf(date)));
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("名单没有企业：表头下每家企业一行");
            }
            return rows;
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalArgumentException("名单无法读取：请上传 Excel（.xlsx）文件");
        }
    }
}
