package cn.rdfund.audit;

import cn.rdfund.system.Sha256;
import cn.rdfund.ledger.LedgerChain;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case's printable report as PDF: the facts, the money, the ledger's verification (for those who may verify it), the
 * chronology of what was decided (the timeline's business lines), and the SHA-256 of the report's content, printed in
 * it; laid out by openhtmltopdf with a Chinese TrueType font (rdfund.audit.report-font) embedded as a subset.
 */
@Component
class CaseReportPdf {

    private static final Set<String> CHRONOLOGY = Set.of(TimelineEvent.PROCESS, TimelineEvent.TASK,
            TimelineEvent.DECISION, TimelineEvent.REVIEW, TimelineEvent.SELECTION, TimelineEvent.DOCUMENT,
            TimelineEvent.INCIDENT, TimelineEvent.TIMER, TimelineEvent.LEDGER);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String FAMILY = "RDFundCJK";

    private final LedgerChain ledger;
    private final Path font;
    private final Clock clock;

    CaseReportPdf(LedgerChain ledger, @Value("${rdfund.audit.report-font}") Path font, Clock clock) {
        this.ledger = ledger;
        this.font = font;
        this.clock = clock;
    }

    /**
     * {@code contentSha256}: the hash printed in the report, of its content before that line; {@code fileSha256}: the
     * PDF file's own, given with the download (and kept with the file, it shows the file was not changed).
     */
    record Report(byte[] pdf, String contentSha256, String fileSha256, LocalDateTime generatedAt) {
    }

    Report render(AuditCase found, List<TimelineEvent> timeline, List<String> anomalies, String requestedBy,
            boolean withLedgerCheck) {
        LocalDateTime generatedAt = LocalDateTime.now(clock).withNano(0);
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(esc(found.kindLabel() + "审计报告：" + nz(found.code()) + " " + found.title()))
                .append("</h1><p class=\"muted\">生成时间 ").append(generatedAt.format(TIME))
                .append("（北京时间），生成人 ").append(esc(requestedBy)).append("</p>");
        body.append("<h2>一、概况</h2><table>");
        row(body, "单位", found.organizationName());
        row(body, "统一社会信用代码", found.uscc());
        row(body, "措施", found.measure());
        row(body, "牵头单位", found.leadUnitLabel());
        row(body, "区县", found.district());
        row(body, "状态", found.statusLabel());
        row(body, "创建", found.createdAt() == null ? "" : found.createdAt().format(TIME));
        body.append("</table><p><b>需关注：</b>").append(anomalies.isEmpty() ? "七项自动检查均未发现异常。"
                : esc(String.join("；", anomalies)) + "。").append("</p>");
        body.append("<h2>二、资金</h2>");
        events(body, timeline.stream().filter(event -> TimelineEvent.LEDGER.equals(event.type())).toList(),
                "本案没有资金台账记录。");
        body.append("<h2>三、资金台账校验</h2><p>").append(esc(withLedgerCheck ? verification()
                : "台账校验结果仅审计、财务和系统管理员可见。")).append("</p>");
        body.append("<h2>四、经过</h2>");
        events(body, timeline.stream().filter(event -> CHRONOLOGY.contains(event.type())).toList(), "没有记录。");
        String hash = Sha256.hex(body.toString().getBytes(StandardCharsets.UTF_8));
        body.append("<p class=\"muted\">报告内容摘要（SHA-256，不含本行）：").append(hash)
                .append("。本报告已登记，审计、财务人员可在 RDFund 审计页「报告核验」输入此摘要核对并取回原件。</p>");
        byte[] pdf = pdf(body.toString());
        return new Report(pdf, hash, Sha256.hex(pdf), generatedAt);
    }

    private String verification() {
        LedgerChain.Verification checked = ledger.verify();
        return checked.intact() ? "台账完整：已校验 " + checked.rowsChecked() + " 行，封存链一致。"
                : "台账校验发现问题：" + checked.problem() + "（共 " + checked.findingCount() + " 处）。";
    }

    private static void row(StringBuilder body, String name, String value) {
        body.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(nz(value))).append("</td></tr>");
    }

    private static void events(StringBuilder body, List<TimelineEvent> events, String none) {
        if (events.isEmpty()) {
            body.append("<p>").append(esc(none)).append("</p>");
            return;
        }
        body.append("<table class=\"events\"><thead><tr><th>时间</th><th>类别</th><th>事项</th><th>办理人</th>")
                .append("<th>详情</th><th>金额</th></tr></thead><tbody>");
        for (TimelineEvent event : events) {
            body.append("<tr><td>").append(event.at().format(TIME)).append("</td><td>").append(esc(event.kindLabel()))
                    .append("</td><td>").append(esc(event.title())).append("</td><td>").append(esc(nz(event.actor())))
                    .append("</td><td>").append(esc(String.join("\n", event.details())).replace("\n", "<br/>"))
                    .append("</td><td>").append(esc(nz(event.amountDisplay()))).append("</td></tr>");
        }
        body.append("</tbody></table>");
    }

    private byte[] pdf(String body) {
        if (!Files.isReadable(font)) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "未找到报告所用的中文字体 " + font
                    + "：请安装 fonts-wqy-microhei，或以 rdfund.audit.report-font 指定一个 TrueType 字体（docs/operations.md）");
        }
        String html = "<html><head><meta charset=\"UTF-8\"/><style>"
                + "@page { size: A4; margin: 16mm 12mm; @bottom-center { content: '第 ' counter(page) ' 页，共 '"
                + " counter(pages) ' 页'; font-family: " + FAMILY + "; font-size: 8pt; } }"
                + "body { font-family: " + FAMILY + "; font-size: 9pt; } h1 { font-size: 15pt; } h2 { font-size: 12pt; }"
                + "table { border-collapse: collapse; width: 100%; } th, td { border: 0.5pt solid #999; padding: 2pt;"
                + " vertical-align: top; text-align: left; } table.events td { font-size: 8pt; }"
                + " table.events td:nth-child(1), table.events td:nth-child(2) { white-space: nowrap; }"
                + " thead { display: table-header-group; } tr { page-break-inside: avoid; } .muted { color: #555; }"
                + "</style></head><body>" + body + "</body></html>";
        // The font file stays open until the document is written: the subset is taken from it then.
        try (FontFile fontFile = new FontFile(font); PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, fontFile.font(), true)), FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("审计报告无法生成", e);
        }
    }

    /** The configured font: a TrueType file, or the first font of a TrueType collection (.ttc). */
    private static final class FontFile implements java.io.Closeable {

        private final java.io.Closeable source;
        private final TrueTypeFont font;

        FontFile(Path path) throws IOException {
            if (path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
                AtomicReference<TrueTypeFont> first = new AtomicReference<>();
                collection.processAllFonts(each -> first.compareAndSet(null, each));
                source = collection;
                font = first.get();
            } else {
                font = new org.apache.fontbox.ttf.TTFParser().parse(
                        new org.apache.pdfbox.io.RandomAccessReadBufferedFile(path.toFile()));
                source = font;
            }
        }

        TrueTypeFont font() {
            return font;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** Text as XHTML: markup escaped, and the control characters XML does not allow (a pasted one) left out. */
    static String esc(String text) {
        // Characters XML cannot carry (controls, a lone half of a surrogate pair a client sent) are dropped.
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]"
                        + "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]", "")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
