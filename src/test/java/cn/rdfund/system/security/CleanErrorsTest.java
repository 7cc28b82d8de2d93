package cn.rdfund.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How an engine error answer is rewritten before it leaves. */
class CleanErrorsTest {

    private static CleanErrors.Cleaned clean(int status, String json) {
        return CleanErrors.clean(status, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anOptimisticLockingFailureBecomesAConflict() {
        CleanErrors.Cleaned cleaned = clean(500, "{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 "
                + "Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by another transaction concurrently.\"}");

        assertThat(cleaned.status()).isEqualTo(409);
        assertThat(cleaned.message()).contains("请刷新后重试").doesNotContain("ENGINE");
    }

    @Test
    void rdfundsOwnMessageIsKeptWithoutTheEnginesEnglishPrefix() {
        CleanErrors.Cleaned cleaned = clean(400, "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot complete "
                + "task 42: 请填写申报金额\"}");

        assertThat(cleaned.status()).isEqualTo(400);
        assertThat(cleaned.type()).isEqualTo("InvalidRequestException");
        assertThat(cleaned.message()).isEqualTo("请填写申报金额");
    }

    @Test
    void anOwnRefusalThatReachedTheClientAsAServerErrorIsABadRequest() {
        assertThat(clean(500, "{\"type\":\"RestException\",\"message\":\"Cannot instantiate process definition x: "
                + "「title」过长\"}").status()).isEqualTo(400);
    }

    @Test
    void anEnglishEngineMessageIsReplacedAndGivenAReference() {
        CleanErrors.Cleaned cleaned = clean(500, "{\"type\":\"ProcessEngineException\",\"message\":\"ENGINE-03004 "
                + "Exception while executing Database Operation 'INSERT ...' with message 'Value too long for column'\"}");

        assertThat(cleaned.status()).isEqualTo(500);
        assertThat(cleaned.type()).isEqualTo("Error");
        assertThat(cleaned.message()).contains("服务器处理出错").contains(cleaned.reference()).doesNotContain("INSERT");
    }

    @Test
    void rdfundsProblemDetailsAreLeftAlone() {
        assertThat(clean(400, "{\"title\":\"输入有误\",\"detail\":\"名称: 不能为空\"}")).isNull();
        assertThat(clean(401, "")).isNull();
    }

    @Test
    void plainTextOrHtmlFromAParserOrTheContainerIsReplaced() {
        assertThat(clean(400, "Unexpected end-of-input within/between Object entries").message()).contains("请求无效");
        assertThat(clean(404, "<html>not found</html>").message()).contains("未找到");
    }
}
