package cn.rdfund.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Error answers of the engine API and the webapps' APIs say what went wrong in Chinese and nothing about the engine's
 * insides: Camunda's English messages (ENGINE-xxxxx codes, ids, class names, SQL) are replaced by a message for the
 * status and logged with a reference the answer carries; messages RDFund wrote (in Chinese) are kept, without the
 * English prefix the engine puts before them. A second completion racing the first (optimistic locking) answers 409.
 * Requests larger than the configured size answer 413 before anything reads them; a document's upload may be as
 * large as a document may be.
 */
class CleanErrors extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CleanErrors.class);
    /** Han characters and the full-width punctuation Chinese messages use (「」：，（）). */
    private static final Pattern CHINESE = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]");
    /**
     * Paths the servlet container would normalise differently from the security filters (double slashes, path
     * parameters, dot segments, encoded separators): refused before anyone interprets them.
     */
    private static final Pattern MALFORMED_PATH = Pattern.compile("//|;|/\\.{1,2}(/|$)|%2[eEfF]|%5[cC]|%25|\\\\");
    static final String MALFORMED = "请求路径无效（含有双斜杠、分号、“.”或“..”段、编码的斜杠等），已拒绝";
    private static final Set<String> PUBLIC_TYPES = Set.of("AuthorizationException", "InvalidRequestException",
            "RestException", "OptimisticLockingException", "Forbidden", "BadRequest", "NotFound", "Conflict",
            "PayloadTooLarge", "TooManyRequests");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> ERROR_NAMES = Map.of(400, "BadRequest",
            401, "Unauthorized", 403, "Forbidden", 404, "NotFound", 405, "MethodNotAllowed", 415, "UnsupportedMediaType");

    /** A document's upload: it may be as large as a document may be (rdfund.documents.max-size), and its form. */
    private static final Pattern UPLOAD = Pattern.compile("^/api/tasks/[^/]+/documents$");
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final long maxRequestBytes;
    private final long maxUploadBytes;

    CleanErrors(long maxRequestBytes, long maxDocumentBytes) {
        this.maxRequestBytes = maxRequestBytes;
        this.maxUploadBytes = Math.max(maxRequestBytes, maxDocumentBytes + FORM_OVERHEAD);
    }

    /** Spring Boot writes its own error page in a second dispatch: that one is cleaned too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean errorPage = request.getDispatcherType() == DispatcherType.ERROR;
        String path = errorPage ? String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                : request.getRequestURI();
        if (!errorPage && MALFORMED_PATH.matcher(path).find()) {
            EngineErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "BadRequest", MALFORMED);
            return;
        }
        if (!path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/") && !path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        if (!errorPage && request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            // A body without a length could be any size: the limit below could not be kept.
            EngineErrors.write(response, 411, "LengthRequired", "请求须注明内容长度（Content-Length），不接受分块传输");
            return;
        }
        long limit = "POST".equals(request.getMethod()) && UPLOAD.matcher(path).matches() ? maxUploadBytes
                : maxRequestBytes;
        if (!errorPage && request.getContentLengthLong() > limit) {
            EngineErrors.write(response, 413, "PayloadTooLarge",
                    "请求内容过大（" + request.getContentLengthLong() / 1024 + " KB），上限为" + limit / 1024 + " KB");
            return;
        }
        ErrorCapture capture = new ErrorCapture(response);
        chain.doFilter(request, capture);
        capture.finish();
    }

    /** The cleaned body of an error answer, or null to leave it as it is. */
    static Cleaned clean(int status, byte[] body) {
        if (body.length == 0) {
            return null;
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException notJson) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            // Plain text or HTML from a parser or the container (e.g. Jackson's message on malformed JSON).
            return forStatus(status, newReference());
        }
        if (!json.hasNonNull("message") && json.has("status") && json.has("error") && json.has("path")) {
            // Spring Boot's own error page (a 401 of the login, an unknown path): the same words for the status.
            return forStatus(status, status >= 500 ? newReference() : null);
        }
        if (!json.hasNonNull("message")) {
            return null;
        }
        String type = json.path("type").asText("");
        String message = json.get("message").asText();
        if (type.equals("OptimisticLockingException") || message.contains("ENGINE-03005")) {
            return new Cleaned(409, "OptimisticLockingException", "该记录刚被他人修改（例如任务已由他人办理），请刷新后重试", null);
        }
        if (type.equals("TaskAlreadyClaimedException")) {
            return new Cleaned(409, "Conflict", "该任务已被他人领取，请刷新后重试", null);
        }
        if (message.startsWith("Cannot find task") || message.contains("No task found") || type.equals("NotFoundException")) {
            return new Cleaned(404, "NotFound", "未找到该任务（可能已办结或不存在）", null);
        }
        if (status >= 500 && (type.equals("BadUserRequestException")
                || message.startsWith("Cannot instantiate process definition"))) {
            // Camunda answers a start it refuses (bad flags, bad variables) as its own failure.
            status = 400;
        }
        var chinese = CHINESE.matcher(message);
        if (chinese.find()) {
            // RDFund's own refusals of input (validation rules, guards) reach some REST resources as 500s.
            return new Cleaned(status >= 500 ? 400 : status, PUBLIC_TYPES.contains(type) ? type : "Error",
                    message.substring(chinese.start()), null);
        }
        String reference = newReference();
        return new Cleaned(status, PUBLIC_TYPES.contains(type) ? type : "Error", byStatus(status, reference), reference);
    }

    record Cleaned(int status, String type, String message, String reference) {
    }

    private static Cleaned forStatus(int status, String reference) {
        return new Cleaned(status, ERROR_NAMES.getOrDefault(status, "Error"), byStatus(status, reference), reference);
    }

    /** What the user reads and the log keeps, to find one in the other. */
    private static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String byStatus(int status, String reference) {
        return switch (status) {
            case 400 -> "请求无效：参数或内容不符合要求";
            case 401 -> "请先登录（用户名或密码不正确）";
            case 403 -> "无权执行此操作";
            case 404 -> "未找到所请求的对象（可能已办结、已删除或不存在）";
            case 405 -> "不支持该请求方法";
            case 409 -> "与他人的操作冲突，请刷新后重试";
            case 415 -> "请求内容的格式不受支持";
            default -> status >= 500 ? "服务器处理出错，请稍后重试；如仍出错，请将编号" + reference + "告知管理员"
                    : "请求未能完成（" + status + "）";
        };
    }

    /** Lets successful answers through as they are written; holds back the body of error answers to clean it. */
    private static final class ErrorCapture extends HttpServletResponseWrapper {

        private final HttpServletResponse response;
        private ByteArrayOutputStream held;
        private ServletOutputStream stream;
        private PrintWriter writer;

        ErrorCapture(HttpServletResponse response) {
            super(response);
            this.response = response;
        }

        private boolean holding() {
            if (held == null && getStatus() >= 400) {
                held = new ByteArrayOutputStream();
            }
            return held != null;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                if (!holding()) {
                    return super.getOutputStream();
                }
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        held.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        held.write(bytes, offset, length);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (!holding()) {
                    return super.getWriter();
                }
                writer = new PrintWriter(new java.io.OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            if (!holding()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!holding()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (held == null) {
                super.flushBuffer();
            }
        }

        void finish() throws IOException {
            if (held == null) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            byte[] body = held.toByteArray();
            Cleaned cleaned = clean(getStatus(), body);
            if (cleaned == null) {
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                return;
            }
            if (cleaned.reference() != null) {
                log.warn("Engine error {} ({}): {}", cleaned.reference(), getStatus(),
                        new String(body, StandardCharsets.UTF_8));
            }
            EngineErrors.write(response, cleaned.status(), cleaned.type(), cleaned.message());
        }
    }
}
