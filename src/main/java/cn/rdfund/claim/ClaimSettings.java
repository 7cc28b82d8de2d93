package cn.rdfund.claim;

import cn.rdfund.policy.OverlapRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How this locality settles an item already awarded under another policy (rdfund.claims.overlap-rule). */
@Component
class ClaimSettings {

    private final OverlapRule overlapRule;

    ClaimSettings(@Value("${rdfund.claims.overlap-rule:TOP_UP}") OverlapRule overlapRule) {
        this.overlapRule = overlapRule;
    }

    OverlapRule overlapRule() {
        return overlapRule;
    }
}
