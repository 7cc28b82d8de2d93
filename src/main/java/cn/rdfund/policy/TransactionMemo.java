package cn.rdfund.policy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers computed once per transaction and question: the same question asked again in the same transaction gets
 * the first answer. Outside a transaction every question is computed. The answers are kept with the transaction's
 * synchronizations, which Spring drops when it ends, so none outlives it (also not on a pooled thread).
 */
final class TransactionMemo<Q, A> {

    A get(Q question, Supplier<A> compute) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return compute.get();
        }
        Map<Q, A> answers = answers();
        A known = answers.get(question);
        if (known != null) {
            return known;
        }
        A answer = compute.get();
        answers.put(question, answer);
        return answer;
    }

    private Map<Q, A> answers() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Answers<?, ?> answers && answers.memo == this) {
                @SuppressWarnings("unchecked")
                Map<Q, A> mine = ((Answers<Q, A>) answers).answers;
                return mine;
            }
        }
        Answers<Q, A> fresh = new Answers<>(this);
        TransactionSynchronizationManager.registerSynchronization(fresh);
        return fresh.answers;
    }

    /** This memo's answers in one transaction. */
    private static final class Answers<Q, A> implements TransactionSynchronization {

        private final TransactionMemo<Q, A> memo;
        private final Map<Q, A> answers = new HashMap<>();

        Answers(TransactionMemo<Q, A> memo) {
            this.memo = memo;
        }
    }
}
