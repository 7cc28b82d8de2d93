package cn.rdfund.disbursement;

import cn.rdfund.system.Rows;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The instalment plan of each project: written once when the agreement is signed, read at every disbursement. */
@Repository
class Instalments {

    private final JdbcClient jdbc;

    Instalments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Instalment> of(long projectId) {
        return jdbc.sql("SELECT project_id, seq, percent, released_by, amount, basis FROM instalment WHERE project_id = ? ORDER BY seq")
                .param(projectId).query(Rows.of(Instalment.class)).list();
    }

    Optional<Instalment> find(long projectId, int seq) {
        return of(projectId).stream().filter(i -> i.seq() == seq).findFirst();
    }

    void lockProject(long projectId) {
        jdbc.sql("SELECT id FROM project WHERE id = ? FOR UPDATE").param(projectId).query(Long.class).single();
    }

    void insert(Instalment instalment) {
        jdbc.sql("INSERT INTO instalment (project_id, seq, percent, released_by, amount, basis) VALUES (?, ?, ?, ?, ?, ?)")
                .params(instalment.projectId(), instalment.seq(), instalment.percent(), instalment.releasedBy(),
                        instalment.amount(), instalment.basis())
                .update();
    }
}
