package cn.rdfund.document;

import cn.rdfund.system.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * What an uploaded file must be: not empty, within the size limit, and of an accepted type as its content shows
 * (Tika reads the signature; the name only refines it, e.g. a ZIP signature named .docx is Word, but a program named
 * .pdf stays a program). Refusals name the field and say what is accepted.
 */
final class FileCheck {

    private static final Tika TIKA = new Tika();
    private static final int MAX_NAME = 200;

    private final DocumentSettings settings;

    FileCheck(DocumentSettings settings) {
        this.settings = settings;
    }

    /**
     * The file's type (MIME) as detected from its content, if accepted; otherwise an {@link InvalidInputException}.
     * Content without a signature Tika knows is refused whatever its name.
     */
    String typeOf(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new InvalidInputException("「文件」为空：请选择要上传的文件");
        }
        checkSize(fileName, content.length);
        String byContent = TIKA.detect(content);
        String detected = MediaType.OCTET_STREAM.toString().equals(byContent) ? byContent : TIKA.detect(content, fileName);
        return settings.types().stream().filter(type -> type.mime().equals(detected)).findFirst()
                .map(DocumentSettings.FileType::mime)
                .orElseThrow(() -> new InvalidInputException("「文件」" + fileName + "的内容不是可接受的类型（按文件内容识别为 "
                        + detected + "，与文件名无关）；可上传：" + accepted()));
    }

    /** Refuses a file above the limit, before its content is read when the size is known. */
    void checkSize(String fileName, long size) {
        if (size > settings.maxSize().toBytes()) {
            throw new InvalidInputException("「文件」" + fileName + "有" + megabytes(size) + "，超过上限"
                    + megabytes(settings.maxSize().toBytes()));
        }
    }

    /**
     * Refuses a file that would take the case's documents, every version counted, above the case's quota. Two uploads
     * at the same moment may each pass: the quota can be exceeded by one file per upload running at once.
     */
    void checkCaseQuota(String fileName, long size, long caseBytes) {
        long quota = settings.caseQuota().toBytes();
        if (caseBytes + size > quota) {
            throw new InvalidInputException("「文件」" + fileName + "上传后本案材料将达" + megabytes(caseBytes + size)
                    + "，超过每案上限" + megabytes(quota) + "（历次版本都计入）；请压缩后再传，或请处室联系系统管理员");
        }
    }

    /** The name with an extension of its detected type: a PDF named evil.html is kept as evil.html.pdf. */
    static String withExtensionOf(String fileName, String type) {
        try {
            List<String> extensions = MimeTypes.getDefaultMimeTypes().forName(type).getExtensions();
            String lower = fileName.toLowerCase(Locale.ROOT);
            return extensions.isEmpty() || extensions.stream().anyMatch(lower::endsWith) ? fileName
                    : fileName + extensions.get(0);
        } catch (MimeTypeException unknown) {
            return fileName;
        }
    }

    /** The name the file is kept under: without the folders a browser may send, and not longer than 200 characters. */
    static String cleanName(String original) {
        String name = Optional.ofNullable(original).orElse("").replace('\\', '/');
        // Control and format characters go (U+202E, the right-to-left override, would show "reportexe.pdf").
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("「文件」缺少文件名");
        }
        return name.length() <= MAX_NAME ? name : name.substring(name.length() - MAX_NAME);
    }

    String accepted() {
        return settings.types().stream().map(DocumentSettings.FileType::name).distinct().collect(Collectors.joining("、"));
    }

    /** A size as people read it: KB below a megabyte, MB above, to one decimal (10 MB, 1.5 KB). */
    static String megabytes(long bytes) {
        boolean small = bytes < 1024L * 1024L;
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(small ? 1024L : 1024L * 1024L), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + (small ? " KB" : " MB");
    }
}
