package cn.rdfund.system;

/** Something the caller asked for already exists or already happened: answered 409 with the message. */
public abstract class ConflictException extends RuntimeException {

    protected ConflictException(String message) {
        super(message);
    }
}
