package cn.rdfund.ledger;

/** An administrator's sealing that cannot be done as asked (answered 409 with the message); nothing is sealed. */
class SealingRefused extends RuntimeException {

    SealingRefused(String message) {
        super(message);
    }
}
