package cn.rdfund.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.rdfund.system.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The file an upload may be: by content, within the size, under a clean name. */
class FileCheckTest {

    private static final DocumentSettings SETTINGS = new DocumentSettings(List.of("申报书"), DataSize.ofKilobytes(1),
            List.of(new DocumentSettings.FileType("application/pdf", "PDF"),
                    new DocumentSettings.FileType(
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word（.docx）"),
                    new DocumentSettings.FileType("image/png", "PNG图片")), List.of(), List.of(), DataSize.ofKilobytes(10), List.of());
    private static final FileCheck CHECK = new FileCheck(SETTINGS);

    @Test
    void aPdfUpToTheLimitIsAcceptedAndOneByteMoreIsNot() {
        byte[] limit = pdfOf(1024);
        assertThat(CHECK.typeOf("报告.pdf", limit)).isEqualTo("application/pdf");
        assertThatThrownBy(() -> CHECK.typeOf("报告.pdf", pdfOf(1025))).isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("超过上限1 KB");
        assertThatThrownBy(() -> CHECK.typeOf("报告.pdf", pdfOf(1536))).hasMessage("「文件」报告.pdf有1.5 KB，超过上限1 KB");
    }

    @Test
    void aCaseHoldsUpToItsQuotaWithEveryVersionCounted() {
        CHECK.checkCaseQuota("报告.pdf", 1024, 9 * 1024);
        assertThatThrownBy(() -> CHECK.checkCaseQuota("报告.pdf", 1025, 9 * 1024)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("超过每案上限10 KB");
        assertThatThrownBy(() -> CHECK.checkCaseQuota("报告.pdf", 2048, 9 * 1024)).hasMessage("「文件」报告.pdf上传后本案材料将达11 KB，超过每案上限10 KB（历次版本都计入）；请压缩后再传，或请处室联系系统管理员");
    }

    @Test
    void theContentDecidesNotTheName() throws Exception {
        assertThat(CHECK.typeOf("任务书.pdf", CaseDocumentsOverHttpTest.PDF)).as("a PDF by any name")
                .isEqualTo("application/pdf");
        assertThat(CHECK.typeOf("scan", CaseDocumentsOverHttpTest.PDF)).isEqualTo("application/pdf");
        assertThat(CHECK.typeOf("申报书.docx", docx())).as("a Word document is a ZIP that its name refines")
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThatThrownBy(() -> CHECK.typeOf("申报书.pdf", "只是一段文字".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("「文件」申报书.pdf的内容不是可接受的类型（按文件内容识别为 text/plain")
                .hasMessageEndingWith("可上传：PDF、Word（.docx）、PNG图片");
        assertThatThrownBy(() -> CHECK.typeOf("申报书.pdf", docx())).as("an Office file is not a PDF because of its name")
                .hasMessageContaining("application/x-tika-ooxml");
        assertThatThrownBy(() -> CHECK.typeOf("a.pdf", new byte[0])).hasMessage("「文件」为空：请选择要上传的文件");
        byte[] noSignature = new byte[64];
        new Random(7).nextBytes(noSignature);
        noSignature[0] = 0x01;
        assertThatThrownBy(() -> CHECK.typeOf("x.pdf", noSignature)).as("bytes no signature names are not a PDF by name")
                .hasMessageContaining("application/octet-stream");
    }

    @Test
    void aFileKeepsAnExtensionOfWhatItIs() {
        assertThat(FileCheck.withExtensionOf("evil.html", "application/pdf")).isEqualTo("evil.html.pdf");
        assertThat(FileCheck.withExtensionOf("报告.PDF", "application/pdf")).isEqualTo("报告.PDF");
        assertThat(FileCheck.withExtensionOf("扫描件", "image/png")).isEqualTo("扫描件.png");
    }

    @Test
    void theNameLosesTheFoldersABrowserSends() {
        assertThat(FileCheck.cleanName("C:\\Users\\王\\申报书.pdf")).isEqualTo("申报书.pdf");
        assertThat(FileCheck.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileCheck.cleanName("report\u202Efdp.exe")).as("no right-to-left override").isEqualTo("reportfdp.exe");
        assertThat(FileCheck.cleanName("a".repeat(300) + ".pdf")).hasSize(200).endsWith(".pdf");
        assertThatThrownBy(() -> FileCheck.cleanName("  ")).hasMessage("「文件」缺少文件名");
    }

    private static byte[] pdfOf(int size) {
        byte[] content = Arrays.copyOf(CaseDocumentsOverHttpTest.PDF, size);
        Arrays.fill(content, CaseDocumentsOverHttpTest.PDF.length, size, (byte) ' ');
        return content;
    }

    private static byte[] docx() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
