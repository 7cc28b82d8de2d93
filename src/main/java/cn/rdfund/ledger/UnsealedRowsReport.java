package cn.rdfund.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, says (and only says) how many ledger rows have no seal: start-up never seals anything, so that rows
 * slipped into the database cannot be made to look sealed by restarting the application.
 */
@Component
class UnsealedRowsReport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UnsealedRowsReport.class);

    private final LedgerChain chain;

    UnsealedRowsReport(LedgerChain chain) {
        this.chain = chain;
    }

    @Override
    public void run(ApplicationArguments args) {
        long unsealed = chain.unsealedCount();
        if (unsealed > 0) {
            log.warn("台账有{}条记录没有封存：GET /api/ledger/verify 列出它们；管理员核实后可补封（docs/operations.md）", unsealed);
        }
    }
}
