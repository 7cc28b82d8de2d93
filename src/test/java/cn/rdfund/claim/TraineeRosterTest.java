package cn.rdfund.claim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.rdfund.support.Rosters;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a 学员名册 and its 公民身份号码, without the application: what each row's problem is called. */
class TraineeRosterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void anIdentityNumberHasEighteenCharactersAValidBirthDateAndItsCheckCharacter() {
        String valid = Rosters.idNumber("11010519491231002");
        assertThat(valid).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.read(" 110105 19491231 002x ", TODAY).number()).map(ResidentIdNumber::value)
                .as("spaces and a lower-case x as typed").contains(valid);
        assertThat(ResidentIdNumber.read("110105194912310021", TODAY).problem()).isEqualTo("校验位不符，请核对号码");
        assertThat(ResidentIdNumber.read("11010519491231002", TODAY).problem()).isEqualTo("应为18位（最后一位可为X）");
        assertThat(ResidentIdNumber.read(Rosters.idNumber("11010520270101002"), TODAY).problem())
                .isEqualTo("出生日期（第7–14位）20270101不合理");
        assertThat(ResidentIdNumber.read(valid, TODAY).number().orElseThrow().masked()).isEqualTo("1101**********002X");
    }

    @Test
    void aRowIsReadWithExcelsRowNumberAndEachWrongCellIsNamed() {
        TraineeRoster.Parsed parsed = TraineeRoster.read(Rosters.xlsx(List.of(
                Rosters.graduate("甲", Rosters.idNumber("11010519491231002")),
                List.of("", "x", "2024-13-01", "2024/7/1", "十二", -1))), TODAY);
        assertThat(parsed.trainees()).singleElement().satisfies(t -> {
            assertThat(t.row()).isEqualTo(2);
            assertThat(t.graduatedOn()).isEqualTo(LocalDate.of(2024, 6, 30));
            assertThat(t.contractMonths()).isEqualTo(12);
        });
        assertThat(parsed.problems()).containsExactly("学员名册第3行：姓名应填写（不超过50字）；公民身份号码应为18位（最后一位可为X）；"
                + "毕业时间应为日期（如 2024-06-30）；劳动合同期限（月）应为0到600的整数；已缴社会保险（月）应为0到600的整数");
    }

    @Test
    void aFileThatIsNoRosterSaysWhatIsExpected() {
        assertThat(TraineeRoster.read("姓名,公民身份号码".getBytes(StandardCharsets.UTF_8), TODAY).problems())
                .containsExactly("学员名册无法读取：请上传按模板填写的 Excel（.xlsx）文件");
        assertThat(TraineeRoster.read(Rosters.xlsx(List.of()), TODAY).problems())
                .containsExactly("学员名册没有学员：表头下每名学员一行");
        assertThat(TraineeRoster.read(TraineeRoster.template(), TODAY).problems())
                .as("the template is read by the same columns").containsExactly("学员名册没有学员：表头下每名学员一行");
    }

    @Test
    void whatExcelMakesOfARosterIsReadAsThePersonMeantIt() throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("名册");
            sheet.createRow(0).createCell(0).setCellValue("2025年订单班学员名册");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(2);
            List<String> names = List.of("姓名", "公民身份号码", "毕业时间", "入职时间", "劳动合同期限 (月)", "已缴社会保险（月）");
            for (int c = 0; c < names.size(); c++) {
                header.createCell(c).setCellValue(names.get(c));
            }
            org.apache.poi.ss.usermodel.CellStyle chineseDate = book.createCellStyle();
            chineseDate.setDataFormat((short) 31); // yyyy年m月d日, one of Excel's own formats
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(3);
            row.createCell(0).setCellValue("甲");
            row.createCell(1).setCellValue(Rosters.idNumber("11010519491231002"));
            org.apache.poi.ss.usermodel.Cell graduated = row.createCell(2);
            graduated.setCellValue(LocalDate.of(2024, 6, 30));
            graduated.setCellStyle(chineseDate);
            row.createCell(3).setCellValue("2024年7月15日");
            row.createCell(4).setCellFormula("6*2");
            row.createCell(5).setCellValue(12);
            org.apache.poi.ss.usermodel.Row asNumber = sheet.createRow(4);
            asNumber.createCell(0).setCellValue("乙");
            asNumber.createCell(1).setCellValue(2.10112200203040E17);
            asNumber.createCell(2).setCellValue("20240630");
            asNumber.createCell(3).setCellValue("2024-07-15 00:00:00");
            asNumber.createCell(4).setCellValue(12);
            asNumber.createCell(5).setCellValue(40);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);

            TraineeRoster.Parsed parsed = TraineeRoster.read(out.toByteArray(), TODAY);
            assertThat(parsed.trainees()).singleElement().satisfies(t -> {
                assertThat(t.row()).isEqualTo(4);
                assertThat(t.graduatedOn()).isEqualTo(LocalDate.of(2024, 6, 30));
                assertThat(t.joinedOn()).isEqualTo(LocalDate.of(2024, 7, 15));
                assertThat(t.contractMonths()).as("a formula's saved value").isEqualTo(12);
            });
            assertThat(parsed.problems()).singleElement().asString()
                    .startsWith("学员名册第5行 乙：公民身份号码被Excel存成了数字")
                    .contains("已缴社会保险（月）40超过入职至今的月数");
        }
    }

    @Test
    void aHiddenFirstSheetOrAHiddenRowIsRefused() throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = (org.apache.poi.xssf.usermodel.XSSFWorkbook)
                org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(Rosters.xlsx(List.of(
                        Rosters.graduate("甲", Rosters.idNumber("11010519491231002")),
                        Rosters.graduate("乙", Rosters.uniqueIdNumber())))));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            book.getSheetAt(0).getRow(2).setZeroHeight(true);
            book.write(out);
            assertThat(TraineeRoster.read(out.toByteArray(), TODAY).problems())
                    .containsExactly("学员名册第3行是隐藏行：请取消隐藏，或删除该行");
            book.createSheet("可见");
            book.setSheetHidden(0, true);
            java.io.ByteArrayOutputStream hidden = new java.io.ByteArrayOutputStream();
            book.write(hidden);
            assertThat(TraineeRoster.read(hidden.toByteArray(), TODAY).problems())
                    .containsExactly("学员名册的第一张表是隐藏的：请把学员名册放在第一张表并取消隐藏");
        }
    }

    @Test
    void aWorkbookThatUnpacksFarBeyondARosterIsNotRead() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 9; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(zipped.size()).isLessThan(100_000);
        assertThat(TraineeRoster.read(zipped.toByteArray(), TODAY).problems())
                .containsExactly("学员名册过大：请只保留学员名册一张表，删除图片和其他内容后再上传");
    }

    @Test
    void aRosterWrittenByAStreamingWriterIsReadAndAnImpossibleDateIsNoDate() throws Exception {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook book = new org.apache.poi.xssf.streaming.SXSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("学员名册");
            List<List<Object>> rows = List.of(List.copyOf(Rosters.HEADER),
                    Rosters.graduate("甲", Rosters.idNumber("11010519491231002")),
                    List.of("乙", Rosters.uniqueIdNumber(), "2024-02-30", "2024-07-15", 12, 12));
            for (int r = 0; r < rows.size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            book.write(out);

            TraineeRoster.Parsed parsed = TraineeRoster.read(out.toByteArray(), TODAY);
            assertThat(parsed.trainees()).extracting(TraineeRoster.Trainee::name).containsExactly("甲");
            assertThat(parsed.problems()).singleElement().asString()
                    .isEqualTo("学员名册第3行 乙：毕业时间应为日期（如 2024-06-30）");
        }
    }
}
