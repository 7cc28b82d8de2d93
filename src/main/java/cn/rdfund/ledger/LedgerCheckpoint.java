package cn.rdfund.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chain head kept outside the database: after each transaction that sealed ledger rows has committed, one line
 * {@code at=… seq=… key=… mac=…} is appended to a file (rdfund.ledger.checkpoint-file) and forced to disk, and the
 * same is logged. Someone who can only write to the database cannot take these back, so a chain cut short (rows and
 * seals deleted, head reset) or sealed anew no longer matches them. A crash after the commit and before the write
 * loses that transaction's line: the file then lags behind the database until the next sealing transaction.
 */
@Component
class LedgerCheckpoint {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheckpoint.class);

    /** One line of the file. */
    record Mark(long seq, String mac, String keyId, OffsetDateTime at, int line) {
    }

    /** What the file holds: its marks in file order, and the numbers of lines that could not be read. */
    record Readout(boolean exists, List<Mark> marks, List<Integer> unreadableLines) {
    }

    private final Path file;
    private final Clock clock;

    LedgerCheckpoint(LedgerSettings settings, Clock clock) {
        this.file = settings.checkpointFile().toAbsolutePath().normalize();
        this.clock = clock;
        log.info("台账链头检查点文件：{}", file);
    }

    Path file() {
        return file;
    }

    /** Appends the head of a committed sealing transaction; a failure is logged, the committed seals stay. */
    synchronized void append(long seq, String mac, String keyId) {
        String line = "at=" + OffsetDateTime.now(clock) + " seq=" + seq + " key=" + keyId + " mac=" + mac + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            log.info("台账链头检查点：seq={} key={} mac={}", seq, keyId, mac);
        } catch (IOException e) {
            log.error("台账链头检查点写入失败（{}）：seq={} key={} mac={}；检查点将落后于数据库，直到下一次封存", file, seq, keyId,
                    mac, e);
        }
    }

    Readout read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Readout(false, List.of(), List.of());
        } catch (IOException e) {
            throw new IllegalStateException("无法读取台账检查点文件 " + file, e);
        }
        List<Mark> marks = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Mark mark = parse(lines.get(i), i + 1);
            if (mark == null) {
                unreadable.add(i + 1);
            } else {
                marks.add(mark);
            }
        }
        return new Readout(true, marks, unreadable);
    }

    static Mark parse(String line, int number) {
        Map<String, String> fields = new HashMap<>();
        for (String token : line.trim().split("\\s+")) {
            int equals = token.indexOf('=');
            if (equals > 0) {
                fields.put(token.substring(0, equals), token.substring(equals + 1));
            }
        }
        String mac = fields.get("mac");
        if (mac == null || !mac.matches("[0-9a-f]{64}") || fields.get("key") == null || fields.get("at") == null) {
            return null;
        }
        try {
            return new Mark(Long.parseLong(fields.get("seq")), mac, fields.get("key"), OffsetDateTime.parse(fields.get("at")),
                    number);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
