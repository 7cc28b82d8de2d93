package cn.rdfund.claim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
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
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu.M.d")};

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
        List<String> problems = new ArrayList<>();
        List<Trainee> trainees = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> columns = header == null ? Map.of() : columns(header);
            List<String> missing = COLUMNS.stream().filter(name -> !columns.containsKey(name)).toList();
            if (!missing.isEmpty()) {
                return new Parsed(List.of(), List.of(KIND + "第一行应为表头，缺少列：" + String.join("、", missing)
                        + "（可下载模板填写）"));
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || COLUMNS.stream().allMatch(c -> text(row.getCell(columns.get(c))).isEmpty())) {
                    continue;
                }
                if (trainees.size() + problems.size() >= MAX_ROWS) {
                    problems.add(KIND + "超过" + MAX_ROWS + "行，请分批申领");
                    break;
                }
                int excelRow = r + 1;
                List<String> wrong = new ArrayList<>();
                String name = text(row.getCell(columns.get(NAME)));
                if (name.isEmpty() || name.length() > 50) {
                    wrong.add(NAME + "应填写（不超过50字）");
                }
                ResidentIdNumber.Result id = ResidentIdNumber.read(text(row.getCell(columns.get(ID_NUMBER))), today);
                if (id.problem() != null) {
                    wrong.add(ID_NUMBER + id.problem());
                }
                LocalDate graduated = date(row.getCell(columns.get(GRADUATED)), GRADUATED, today, wrong);
                LocalDate joined = date(row.getCell(columns.get(JOINED)), JOINED, today, wrong);
                Integer contract = months(row.getCell(columns.get(CONTRACT_MONTHS)), CONTRACT_MONTHS, wrong);
                Integer insurance = months(row.getCell(columns.get(INSURANCE_MONTHS)), INSURANCE_MONTHS, wrong);
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
            return new Parsed(List.of(), List.of(KIND + "无法读取：请上传按模板填写的 Excel（.xlsx）文件"));
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

    private static Map<String, Integer> columns(Row header) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : header) {
            String name = text(cell).replace("(", "（").replace(")", "）");
            if (COLUMNS.contains(name)) {
                columns.putIfAbsent(name, cell.getColumnIndex());
            }
        }
        return columns;
    }

    private static String text(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).strip();
    }

    private static LocalDate date(Cell cell, String column, LocalDate today, List<String> wrong) {
        LocalDate date = null;
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            date = cell.getLocalDateTimeCellValue().toLocalDate();
        } else {
            String typed = text(cell);
            for (DateTimeFormatter format : DATES) {
                try {
                    date = LocalDate.parse(typed, format);
                    break;
                } catch (DateTimeParseException notThisFormat) {
                    // the next
                }
            }
        }
        if (date == null) {
            wrong.add(column + "应为日期（如 2024-06-30）");
        } else if (date.isAfter(today)) {
            wrong.add(column + "不能晚于今天");
        }
        return date;
    }

    private static Integer months(Cell cell, String column, List<String> wrong) {
        String typed = text(cell);
        if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) > MAX_MONTHS) {
            wrong.add(column + "应为0到" + MAX_MONTHS + "的整数");
            return null;
        }
        return Integer.parseInt(typed);
    }
}
