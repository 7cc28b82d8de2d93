package cn.rdfund.document;

import cn.rdfund.system.Sha256;
import cn.rdfund.system.InvalidInputException;
import cn.rdfund.system.security.CamundaUser;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * A case's documents: attached on a task the user may work, listed and read by those who may read the case. What
 * other modules read (the audit timeline) is {@link #ofCases}.
 */
@Service
@EnableConfigurationProperties(DocumentSettings.class)
public class CaseDocuments {

    private final DocumentRepository repository;
    private final CaseMembership membership;
    private final DocumentSettings settings;
    private final FileCheck check;
    private final Clock clock;

    CaseDocuments(DocumentRepository repository, CaseMembership membership, DocumentSettings settings, Clock clock) {
        this.repository = repository;
        this.membership = membership;
        this.settings = settings;
        this.check = new FileCheck(settings);
        this.clock = clock;
    }

    /** Every version of every document of these cases (root process instances), oldest first: for auditors' views. */
    public List<CaseDocument> ofCases(Collection<String> caseIds) {
        return repository.ofCases(caseIds);
    }

    /** One document's record (not its content), whoever asks: for the access records of auditors' views. */
    public Optional<CaseDocument> recordOf(long id) {
        return repository.find(id);
    }

    /** {@code uploaders}: the names of the users who uploaded {@code documents}, by user id. */
    record TaskDocuments(String caseId, boolean attachable, List<String> kinds, String accepted, String maxSize,
            List<CaseDocument> documents, Map<String, String> uploaders) {
    }

    /** An upload's content, read only once the task, the kind and the declared size have been checked. */
    @FunctionalInterface
    interface Content {
        byte[] read() throws IOException;
    }

    /** What a task's 材料 tab shows: the kinds one may attach, the limits and the case's documents this user reads. */
    Optional<TaskDocuments> onTask(String taskId, CamundaUser user) {
        return membership.workable(taskId, user).map(task -> {
            List<CaseDocument> documents = readable(task.caseId(), membership.readership(task.caseId(), user), user);
            return new TaskDocuments(task.caseId(), task.attachable(), settings.kinds(), check.accepted(),
                    FileCheck.megabytes(settings.maxSize().toBytes()), documents,
                    membership.names(documents.stream().map(CaseDocument::uploadedBy).collect(Collectors.toSet())));
        });
    }

    /**
     * Attaches a file on a task the user may work; a kind that the case already has gets its next version. The file
     * is kept under its name with an extension of its detected type.
     */
    Optional<CaseDocument> attach(String taskId, String kind, String originalName, long declaredSize, Content content,
            CamundaUser user) throws IOException {
        Optional<CaseMembership.WorkedTask> task = membership.workable(taskId, user);
        if (task.isEmpty()) {
            return Optional.empty();
        }
        if (!task.get().attachable()) {
            throw new InvalidInputException("专家评审和评议任务不接受附件：评审结束前意见不公开，请把意见写在表单中");
        }
        if (kind == null || !settings.kinds().contains(kind.strip())) {
            throw new InvalidInputException("「材料类别」须为其中之一：" + String.join("、", settings.kinds()));
        }
        String fileName = FileCheck.cleanName(originalName);
        check.checkSize(fileName, declaredSize);
        // A kind the task requires is always taken (within max-size), so that a full case cannot block its task.
        boolean required = settings.requiredOn(task.get().process(), task.get().taskKey()).contains(kind.strip());
        long caseBytes = required ? 0 : repository.bytesOfCase(task.get().caseId());
        if (!required) {
            check.checkCaseQuota(fileName, declaredSize, caseBytes);
        }
        byte[] bytes = content.read();
        String type = check.typeOf(fileName, bytes);
        if (!required) {
            check.checkCaseQuota(fileName, bytes.length, caseBytes);
        }
        return Optional.of(repository.add(new DocumentRepository.NewDocument(task.get().caseId(), kind.strip(),
                FileCheck.withExtensionOf(fileName, type), type, Sha256.hex(bytes), bytes, task.get().taskId(),
                task.get().taskName(), user.id(), LocalDateTime.now(clock))));
    }

    /**
     * Attaches a file on a task as the user would in the 材料 tab, with the same checks (the demo's documents); empty
     * when the user may not work the task.
     */
    public Optional<CaseDocument> attachAs(CamundaUser user, String taskId, String kind, String fileName,
            byte[] content) {
        try {
            return attach(taskId, kind, fileName, content.length, () -> content, user);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The case's documents this user may read; empty when they may read none (or the case does not exist). */
    Optional<List<CaseDocument>> ofCase(String caseId, CamundaUser user) {
        CaseMembership.Readership readership = membership.readership(caseId, user);
        List<CaseDocument> readable = readable(caseId, readership, user);
        return readable.isEmpty() && readership.outsider() ? Optional.empty() : Optional.of(readable);
    }

    public record Download(CaseDocument document, byte[] content) {
    }

    /**
     * The newest version of a kind in a case, with its content, whoever asks: for a rule that reads what the claimant
     * submitted (a roster) while their task completes.
     */
    public Optional<Download> newestOf(String caseId, String kind) {
        return newestRecordOf(caseId, kind).map(document -> new Download(document, repository.content(document.id())));
    }

    /** The newest version of a kind in a case, without its content (its SHA-256 tells whether it changed). */
    public Optional<CaseDocument> newestRecordOf(String caseId, String kind) {
        return repository.ofCases(List.of(caseId)).stream().filter(document -> document.kind().equals(kind))
                .max(java.util.Comparator.comparingInt(CaseDocument::version));
    }

    /** A document's content, whoever asks: with {@link #newestRecordOf}, for a rule that reads it. */
    public byte[] contentOf(CaseDocument document) {
        return repository.content(document.id());
    }

    Optional<Download> download(long id, CamundaUser user) {
        return repository.find(id)
                .filter(document -> membership.readership(document.caseId(), user).reads(document, user.id()))
                .map(document -> new Download(document, repository.content(id)));
    }

    /**
     * What this readership lets the user read of the case; a group's member who attached on an open task without
     * claiming it has no task of the case, and still reads what they attached.
     */
    private List<CaseDocument> readable(String caseId, CaseMembership.Readership readership, CamundaUser user) {
        return repository.ofCases(List.of(caseId)).stream().filter(document -> readership.reads(document, user.id()))
                .toList();
    }
}
