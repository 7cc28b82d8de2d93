package cn.rdfund.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionMemoTest {

    private final TransactionMemo<String, Integer> memo = new TransactionMemo<>();
    private final AtomicInteger evaluations = new AtomicInteger();

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private Integer ask(String question) {
        return memo.get(question, evaluations::incrementAndGet);
    }

    @Test
    void theSameQuestionInOneTransactionIsAnsweredOnce() {
        TransactionSynchronizationManager.initSynchronization();

        assertThat(ask("P4.3")).isEqualTo(1);
        assertThat(ask("P4.3")).as("the first answer again").isEqualTo(1);
        assertThat(ask("P4.1a")).as("another question").isEqualTo(2);
        assertThat(evaluations).hasValue(2);
    }

    @Test
    void theNextTransactionAsksAgain() {
        TransactionSynchronizationManager.initSynchronization();
        ask("P4.3");
        TransactionSynchronizationManager.clearSynchronization();

        TransactionSynchronizationManager.initSynchronization();
        assertThat(ask("P4.3")).as("nothing kept from the transaction before").isEqualTo(2);
    }

    @Test
    void withoutATransactionEveryQuestionIsAsked() {
        ask("P4.3");
        ask("P4.3");

        assertThat(evaluations).hasValue(2);
    }
}
