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
}
