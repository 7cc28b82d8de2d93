package cn.rdfund.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On the first start after the chain was introduced, seals the rows written before it (in the order written). */
@Component
class LedgerChainSealer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LedgerChainSealer.class);

    private final LedgerChain chain;

    LedgerChainSealer(LedgerChain chain) {
        this.chain = chain;
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = chain.sealExistingOnce();
        if (sealed > 0) {
            log.info("台账哈希链：已封存启用前的{}条记录", sealed);
        }
    }
}
