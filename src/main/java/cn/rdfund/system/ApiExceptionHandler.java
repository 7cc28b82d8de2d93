package cn.rdfund.system;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RDFund's API answers errors as RFC 9457 problem details with a message a person can act on. */
@RestControllerAdvice(basePackages = "cn.rdfund")
class ApiExceptionHandler {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("；", errors));
        problem.setTitle("输入有误");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "输入有误", "请求内容无法解析，请检查字段名称和取值");
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidParameter(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "重复提交", e.getMessage());
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden(AuthorizationException e) {
        return problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
