package cn.rdfund.document;

import cn.rdfund.system.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.tika.Tika;

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

    /** The file's type (MIME) as detected from its content, if accepted; otherwise an {@link InvalidInputException}. */
    String typeOf(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new InvalidInputException("「文件」为空：请选择要上传的文件");
        }
        if (content.length > settings.maxSize().toBytes()) {
            throw new InvalidInputException("「文件」" + fileName + "有" + megabytes(content.length) + "，超过上限"
                    + megabytes(settings.maxSize().toBytes()));
        }
        String detected = TIKA.detect(content, fileName);
        return settings.types().stream().filter(type -> type.mime().equals(detected)).findFirst()
                .map(DocumentSettings.FileType::mime)
                .orElseThrow(() -> new InvalidInputException("「文件」" + fileName + "的内容不是可接受的类型（按文件内容识别为 "
                        + detected + "，与文件名无关）；可上传：" + accepted()));
    }

    /** The name the file is kept under: without the folders a browser may send, and not longer than 200 characters. */
    static String cleanName(String original) {
        String name = Optional.ofNullable(original).orElse("").replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
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
