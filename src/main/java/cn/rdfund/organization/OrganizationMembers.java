package cn.rdfund.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which organization a Camunda user acts for (an applicant's staff); one organization per user. */
@Repository
public class OrganizationMembers {

    private final JdbcClient jdbc;

    OrganizationMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> organizationOf(String userId) {
        return jdbc.sql("SELECT organization_id FROM organization_member WHERE user_id = ?")
                .param(userId).query(Long.class).optional();
    }

    /** The users who act for the organization, by user id. */
    public List<String> membersOf(long organizationId) {
        return jdbc.sql("SELECT user_id FROM organization_member WHERE organization_id = ? ORDER BY user_id")
                .param(organizationId).query(String.class).list();
    }

    /** Links the user to the organization unless the user already acts for one. */
    public void join(String userId, long organizationId) {
        if (organizationOf(userId).isEmpty()) {
            jdbc.sql("INSERT INTO organization_member (user_id, organization_id) VALUES (?, ?)")
                    .params(userId, organizationId).update();
        }
    }
}
