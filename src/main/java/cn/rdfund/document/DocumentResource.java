package cn.rdfund.document;

import cn.rdfund.system.security.CamundaUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Documents over HTTP: Tasklist's 材料 tab (with the webapp's login) and API clients (HTTP Basic). A task or case the
 * caller may not see answers 404, as one that does not exist.
 */
@RestController
class DocumentResource {

    private static final String NO_TASK = "任务不存在，或不由您办理";

    private final CaseDocuments documents;

    DocumentResource(CaseDocuments documents) {
        this.documents = documents;
    }

    @GetMapping("/api/tasks/{taskId}/documents")
    CaseDocuments.TaskDocuments onTask(@PathVariable String taskId, @AuthenticationPrincipal CamundaUser user) {
        return documents.onTask(taskId, user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_TASK));
    }

    @PostMapping(path = "/api/tasks/{taskId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CaseDocument attach(@PathVariable String taskId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal CamundaUser user)
            throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        long size = file == null ? 0 : file.getSize();
        return documents.attach(taskId, kind, name, size, () -> file == null ? new byte[0] : file.getBytes(), user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, NO_TASK));
    }

    @GetMapping("/api/cases/{caseId}/documents")
    List<CaseDocument> ofCase(@PathVariable String caseId, @AuthenticationPrincipal CamundaUser user) {
        return documents.ofCase(caseId, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "案件不存在，或您无权查看"));
    }

    /** The file as uploaded, always as a download (never shown inline), with its detected type. */
    @GetMapping("/api/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, @AuthenticationPrincipal CamundaUser user) {
        CaseDocuments.Download found = documents.download(id, user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "材料不存在，或您无权查看"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(found.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", found.document().sha256())
                .body(found.content());
    }
}
