package cn.rdfund.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a case's texts may hold reaches the report's XML escaped, and what XML cannot carry is dropped. */
class CaseReportTextTest {

    @Test
    void markupIsEscapedAndCharactersXmlCannotCarryAreDropped() {
        assertThat(CaseReportPdf.esc("<script>\"a&b\"</script>")).isEqualTo("&lt;script&gt;&quot;a&amp;b&quot;&lt;/script&gt;");
        assertThat(CaseReportPdf.esc("代理对\ud800测试\u0007")).as("a lone high surrogate, a control").isEqualTo("代理对测试");
        assertThat(CaseReportPdf.esc("\udc00尾")).as("a lone low surrogate").isEqualTo("尾");
        assertThat(CaseReportPdf.esc("𠀀字")).as("a pair stays").isEqualTo("𠀀字");
    }
}
