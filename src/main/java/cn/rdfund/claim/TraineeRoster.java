package cn.rdfund.claim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A 学员名册 (P6.3's roster of graduates) as the claimant uploads it: an Excel workbook whose first sheet has a header
 * row with {@link #COLUMNS} (in any order) and one graduate per row. Reads every row and says what is wrong with each,
 * by row number as Excel shows it; whether a graduate counts is the decision table's business (RosterEligibility).
 */
final class TraineeRoster {

    static final String KIND = "学员名册";
    static final String NAME = "姓名";
    static final String ID_NUMBER = "公民身份号码";
    static final String GRADUATED = "毕业时间";
    static final String JOINED = "入职时间";
    static final String CONTRACT_MONTHS = "劳动合同期限（月）";
    static final String INSURANCE_MONTHS = "已缴社会保险（月）";
    static final List<String> COLUMNS = List.of(NAME, ID_NUMBER, GRADUATED, JOINED, CONTRACT_MONTHS, INSURANCE_MONTHS);
    static final int MAX_ROWS = 2000;
    private static final int MAX_MONTHS = 600;
    /** What a roster may unpack to (2000 rows take some 0.5 MB): a small file that unpacks to far more is refused. */
    private static final long MAX_UNPACKED_BYTES = 8L * 1024 * 1024;
    /** An .xls is read whole: its file may be this large. */
    private static final int MAX_XLS_BYTES = 2 * 1024 * 1024;
    /** The header may follow a title row or two. */
    private static final int HEADER_WITHIN_ROWS = 10;
    private static final String UNREADABLE = KIND + "无法读取：请上传按模板填写的 Excel（.xlsx）文件";

    /** One graduate as listed; {@code row}: Excel's row number. */
    record Trainee(int row, String name, ResidentIdNumber idNumber, LocalDate graduatedOn, LocalDate joinedOn,
            int contractMonths, int insuranceMonths) {

        String who() {
            return "第" + row + "行 " + name + "（" + idNumber.masked() + "）";
        }
    }

    record Parsed(List<Trainee> trainees, List<String> problems) {
    }

    private TraineeRoster() {
    }

    static Parsed read(byte[] workbook, LocalDate today) {
        OptionalLong unpacked = Workbooks.unpackedSize(workbook, MAX_UNPACKED_BYTES);
        if (unpacked.isEmpty()) {
            return new Parsed(List.of(), List.of(UNREADABLE));
        }
        if (unpacked.getAsLong() > (Workbooks.zipped(workbook) ? MAX_UNPACKED_BYTES : MAX_XLS_BYTES)) {
            return new Parsed(List.of(), List.of(KIND + "过大：请只保留学员名册一张表，删除图片和其他内容后再上传"));
        }
        List<String> problems = new ArrayList<>();
        List<Trainee> trainees = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            if (book.isSheetHidden(0) || book.isSheetVeryHidden(0)) {
                return new Parsed(List.of(), List.of(KIND + "的第一张表是隐藏的：请把学员名册放在第一张表并取消隐藏"));
            }
            Sheet sheet = book.getSheetAt(0);
            Row header = header(sheet);
            Map<String, List<Integer>> found = header == null ? Map.of() : columns(header);
            List<String> missing = COLUMNS.stream().filter(name -> !found.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                return new Parsed(List.of(), List.of(KIND + "找不到表头，缺少列：" + String.join("、", missing)
                        + "（可下载模板填写）"));
            }
            List<String> twice = COLUMNS.stream().filter(name -> found.get(name).size() > 1).toList();
            if (!twice.isEmpty()) {
                return new Parsed(List.of(), List.of(KIND + "表头中这些列出现了不止一次：" + String.join("、", twice)));
            }
            Map<String, Integer> columns = new HashMap<>();
            found.forEach((name, at) -> columns.put(name, at.get(0)));
            Map<String, Integer> seen = new HashMap<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || COLUMNS.stream().allMatch(c -> Workbooks.text(row.getCell(columns.get(c))).isEmpty())) {
                    continue;
                }
                if (row.getZeroHeight()) {
                    problems.add(KIND + "第" + (r + 1) + "行是隐藏行：请取消隐藏，或删除该行");
                    continue;
                }
                if (trainees.size() + problems.size() >= MAX_ROWS) {
                    problems.add(KIND + "超过" + MAX_ROWS + "行，请分批申领");
                    break;
                }
                int excelRow = r + 1;
                List<String> wrong = new ArrayList<>();
                String name = Workbooks.text(row.getCell(columns.get(NAME)));
                if (name.isEmpty() || name.length() > 50) {
                    wrong.add(NAME + "应填写（不超过50字）");
                }
                Cell idCell = row.getCell(columns.get(ID_NUMBER));
                ResidentIdNumber.Result id = Workbooks.numeric(idCell)
                        ? ResidentIdNumber.Result.problem("被Excel存成了数字，末几位可能已丢失：请把该列设为文本格式后重新输入号码")
                        : ResidentIdNumber.read(Workbooks.text(idCell), today);
                if (id.problem() != null) {
                    wrong.add(ID_NUMBER + id.problem());
                }
                LocalDate graduated = date(row.getCell(columns.get(GRADUATED)), GRADUATED, today, wrong);
                LocalDate joined = date(row.getCell(columns.get(JOINED)), JOINED, today, wrong);
                Integer contract = months(row.getCell(columns.get(CONTRACT_MONTHS)), CONTRACT_MONTHS, wrong);
                Integer insurance = months(row.getCell(columns.get(INSURANCE_MONTHS)), INSURANCE_MONTHS, wrong);
                if (insurance != null && joined != null && insurance > monthsBetween(joined, today) + 1) {
                    wrong.add(INSURANCE_MONTHS + insurance + "超过入职至今的月数");
                }
                if (graduated != null && id.number().isPresent()
                        && graduated.isBefore(id.number().get().birthDate().plusYears(14))) {
                    wrong.add(GRADUATED + "早于出生后14年，请核对");
                }
                if (id.number().isPresent()) {
                    Integer earlier = seen.putIfAbsent(id.number().get().value(), excelRow);
                    if (earlier != null) {
                        wrong.add(ID_NUMBER + "与第" + earlier + "行重复");
                    }
                }
                if (!wrong.isEmpty()) {
                    problems.add(KIND + "第" + excelRow + "行" + (name.isEmpty() ? "" : " " + name) + "：" + String.join("；", wrong));
                } else {
                    trainees.add(new Trainee(excelRow, name, id.number().get(), graduated, joined, contract, insurance));
                }
            }
        } catch (IOException | RuntimeException notAWorkbook) {
            return new Parsed(List.of(), List.of(UNREADABLE));
        }
        if (problems.isEmpty() && trainees.isEmpty()) {
            problems.add(KIND + "没有学员：表头下每名学员一行");
        }
        return new Parsed(trainees, problems);
    }

    /** An empty roster: the header row, and a second sheet saying how to fill it in. */
    static byte[] template() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet roster = book.createSheet(KIND);
            CellStyle asText = book.createCellStyle();
            asText.setDataFormat(book.createDataFormat().getFormat("@"));
            roster.setDefaultColumnStyle(COLUMNS.indexOf(ID_NUMBER), asText);
            Row header = roster.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
                roster.setColumnWidth(c, 22 * 256);
            }
            Sheet notes = book.createSheet("填写说明");
            List<String> lines = List.of("每名学员一行，第一行表头不要改动；空行会被跳过。",
                    "公民身份号码：18位，最后一位可为X；请把该列设为文本格式，以免Excel改写长数字。",
                    "毕业时间、入职时间：日期，如 2024-06-30。",
                    "劳动合同期限（月）、已缴社会保险（月）：整数，如 12。",
                    "提交申领时逐人核验政策条件（名册逐人核验决策表），并核对同一学员未在任何单位的申领中计入。");
            for (int r = 0; r < lines.size(); r++) {
                notes.createRow(r).createCell(0).setCellValue(lines.get(r));
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }


    /** The first of the first rows that holds most of the column names (a title row may come before it). */
    private static Row header(Sheet sheet) {
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= sheet.getLastRowNum() && r < HEADER_WITHIN_ROWS; r++) {
            Row row = sheet.getRow(r);
            if (row != null && columns(row).size() >= COLUMNS.size() / 2) {
                return row;
            }
        }
        return null;
    }

    /** Every column name of the roster found in the row, with where it is (twice: a column to refuse). */
    private static Map<String, List<Integer>> columns(Row header) {
        Map<String, List<Integer>> columns = new HashMap<>();
        for (Cell cell : header) {
            String name = Workbooks.text(cell).replaceAll("[\\s\\u00A0\\u3000]", "").replace("(", "（").replace(")", "）");
            if (COLUMNS.contains(name)) {
                columns.computeIfAbsent(name, n -> new ArrayList<>()).add(cell.getColumnIndex());
            }
        }
        return columns;
    }


    private static long monthsBetween(LocalDate from, LocalDate to) {
        return java.time.temporal.ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1));
    }


    private static LocalDate date(Cell cell, String column, LocalDate today, List<String> wrong) {
        // A date cell in any format (年月日 ones too), a day number that lost its format, or typed text.
        LocalDate date = Workbooks.dateOf(cell);
        if (date == null) {
            wrong.add(column + "应为日期（如 2024-06-30）");
        } else if (date.isAfter(today)) {
            wrong.add(column + "不能晚于今天");
        }
        return date;
    }

    private static Integer months(Cell cell, String column, List<String> wrong) {
        String typed = Workbooks.text(cell);
        if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) > MAX_MONTHS) {
            wrong.add(column + "应为0到" + MAX_MONTHS + "的整数");
            return null;
        }
        return Integer.parseInt(typed);
    }
}
