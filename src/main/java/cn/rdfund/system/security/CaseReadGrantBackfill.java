package cn.rdfund.system.security;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Process instances started before reading became a per-instance grant ({@link CaseReadGrants}) have none: at start-up
 * they get the grants they would have had, so auditors, finance and the lead unit keep reading their cases after the
 * upgrade. One query when nothing is missing; a review panel's process still running stays closed.
 */
@Component
@Order(IdentitySetup.ORDER + 1)
class CaseReadGrantBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseReadGrantBackfill.class);
    /** Camunda's resource type of historic process instances (Resources.HISTORIC_PROCESS_INSTANCE). */
    private static final int HISTORIC_PROCESS_INSTANCE = 20;

    private final JdbcClient jdbc;
    private final CaseReadGrants grants;

    CaseReadGrantBackfill(JdbcClient jdbc, CaseReadGrants grants) {
        this.jdbc = jdbc;
        this.grants = grants;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Map<String, Object>> missing = jdbc.sql("""
                SELECT h.ID_ AS id, h.ROOT_PROC_INST_ID_ AS root, h.PROC_DEF_KEY_ AS process_key, h.END_TIME_ AS ended
                FROM ACT_HI_PROCINST h
                WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION a WHERE a.RESOURCE_TYPE_ = :type
                  AND a.RESOURCE_ID_ = h.ID_ AND a.GROUP_ID_ = :auditors)""")
                .param("type", HISTORIC_PROCESS_INSTANCE).param("auditors", Groups.AUDITORS)
                .query().listOfRows();
        int granted = 0;
        for (Map<String, Object> instance : missing) {
            boolean running = instance.get("ended") == null;
            if (running && CaseReadGrants.SEALED_WHILE_RUNNING.contains((String) instance.get("process_key"))) {
                continue;
            }
            String id = (String) instance.get("id");
            String root = instance.get("root") == null ? id : (String) instance.get("root");
            grants.grantOutsideTheEngine(id, root, running);
            granted++;
        }
        if (granted > 0) {
            log.info("Per-instance read grants given to {} process instances started before they existed", granted);
        }
    }
}
