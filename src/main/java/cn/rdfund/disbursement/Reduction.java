package cn.rdfund.disbursement;

import java.math.BigDecimal;

/** Why the funded amount is lower than the approved one; recorded for finance and auditors. */
public record Reduction(Kind kind, BigDecimal before, BigDecimal after, String reason) {

    public enum Kind {
        /** 单个项目上限 (P1.1a/b: 700万, P1.1c: 300万). */
        PROJECT_CAP,
        /** 同一企业P1.1项目累计上限 (1000万). */
        ENTERPRISE_CAP
    }
}
