package cn.rdfund.audit;

import cn.rdfund.system.KeptHistory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * History cleanup never removes what the ledger points to. When a process hierarchy ends, Camunda stamps its
 * history with a removal time (end + the model's historyTimeToLive, 3650 days) and the nightly cleanup deletes it
 * after that. Nothing is stamped ({@link KeptHistory}) — the history is kept until someone archives it deliberately — for a
 * hierarchy in which a ledger row was written (a project with its Disbursements, a 揭榜挂帅 with its support stages,
 * an award claim, a Disbursement run on its own), an awarded claim, an application that was reviewed (the call's
 * ranking compares all of them) and a call that selected a project. Cases that never reached money (applications
 * refused at the formal check, refused claims, projects ended before any payment, challenges that found no solver,
 * calls without a selected project) are cleaned up after their time to live. See docs/operations.md.
 */
@Component
class FundedCaseRetention implements KeptHistory {

    private static final String FUNDED = """
            SELECT (SELECT COUNT(*) FROM ACT_HI_PROCINST h JOIN ledger_entry l ON l.process_instance_id = h.ID_
                     WHERE h.ROOT_PROC_INST_ID_ = :id)
              + (SELECT COUNT(*) FROM application a WHERE a.process_instance_id = :id
                   AND EXISTS (SELECT 1 FROM review_result r WHERE r.application_id = a.id))
              + (SELECT COUNT(*) FROM policy_claim WHERE process_instance_id = :id AND project_id IS NOT NULL)
              + (SELECT COUNT(*) FROM funding_call c WHERE c.process_instance_id = :id
                   AND EXISTS (SELECT 1 FROM project p WHERE p.call_id = c.id))""";

    private final ObjectProvider<JdbcClient> jdbc;

    FundedCaseRetention(ObjectProvider<JdbcClient> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean keepForever(String rootProcessInstanceId) {
        return jdbc.getObject().sql(FUNDED).param("id", rootProcessInstanceId).query(Long.class).single() > 0;
    }
}
