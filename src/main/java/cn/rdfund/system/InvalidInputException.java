package cn.rdfund.system;

/** A request's parameter is out of range: 400 with this message, which names the field (ApiExceptionHandler). */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
