package cn.rdfund.document;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request larger than the server reads at all (spring.servlet.multipart.*) is refused before any controller is
 * chosen, so this advice applies to every controller; files up to that size get FileCheck's own message.
 */
@RestControllerAdvice
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "「文件」太大，超过服务器接收的上限");
        problem.setTitle("输入有误");
        return problem;
    }
}
