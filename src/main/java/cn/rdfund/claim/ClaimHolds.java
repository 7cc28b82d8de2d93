package cn.rdfund.claim;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a live or paid claim holds while it lives, under a unique key ({@code active_key}, measure and number): a
 * graduate of its roster (claim_trainee), the talent or certificate it is for (claim_subject). A key whose claim
 * ended unpaid is released when another claim wants it. Who holds a key, and the release, read the same for every
 * such table.
 */
@Component
class ClaimHolds {

    /** The tables whose rows hold a key; the SQL names only these. */
    enum Table {
        TRAINEES("claim_trainee"), SUBJECTS("claim_subject");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    /** The claim holding a key: its code and organization (named to its own organization only). */
    record Holder(String code, long organizationId) {
    }

    private final JdbcClient jdbc;

    ClaimHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live or paid claims, other than this process instance's, that hold any of these keys: key → holder. */
    Map<String, Holder> heldElsewhere(Table table, Collection<String> keys, String ownProcessInstanceId) {
        Map<String, Holder> held = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return held;
        }
        jdbc.sql("SELECT h.active_key, pc.code, pc.organization_id FROM " + table.name + " h"
                        + " JOIN policy_claim pc ON pc.id = h.claim_id"
                        + " WHERE h.active_key IN (:keys) AND pc.status IN (:live) AND pc.process_instance_id <> :own"
                        + " ORDER BY pc.id")
                .param("keys", List.copyOf(keys)).param("live", List.copyOf(PolicyClaim.LIVE_OR_PAID))
                .param("own", ownProcessInstanceId)
                .query((rs, n) -> Map.entry(rs.getString("active_key"),
                        new Holder(rs.getString("code"), rs.getLong("organization_id"))))
                .list().forEach(found -> held.putIfAbsent(found.getKey(), found.getValue()));
        return held;
    }

    /** Releases these keys where the claim holding them has ended without payment. */
    void releaseEnded(Table table, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE " + table.name + " SET active_key = NULL WHERE active_key IN (:keys)"
                        + " AND claim_id IN (SELECT id FROM policy_claim WHERE status NOT IN (:live))")
                .param("keys", List.copyOf(keys)).param("live", List.copyOf(PolicyClaim.LIVE_OR_PAID)).update();
    }
}
