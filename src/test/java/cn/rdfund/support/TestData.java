package cn.rdfund.support;

import cn.rdfund.organization.District;
import cn.rdfund.organization.Organization;
import cn.rdfund.organization.OrganizationKind;
import cn.rdfund.organization.UnifiedSocialCreditCode;
import java.time.LocalDateTime;
import java.util.concurrent.ThreadLocalRandom;

public final class TestData {

    private TestData() {
    }

    /** A fresh, valid 统一社会信用代码 of an enterprise registered in 浑南区. */
    public static String newUscc() {
        String first17 = "91210112" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    public static Organization newEnterprise(String name) {
        return new Organization(null, newUscc(), name, OrganizationKind.ENTERPRISE, District.HUNNAN,
                LocalDateTime.of(2025, 1, 2, 9, 0));
    }
}
