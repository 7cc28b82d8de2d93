package cn.rdfund.call;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface FundingCallRepository extends ListCrudRepository<FundingCall, Long> {

    Optional<FundingCall> findByCode(String code);

    Optional<FundingCall> findByProcessInstanceId(String processInstanceId);

    /**
     * Holds the call's row until the transaction ends. Whoever asks whether the call's applications are all settled
     * (the call's check) and whoever settles one (the application's end, which then tells the call) take it first, so
     * one of the two always sees the other: the call never waits for an application that ended unseen.
     */
    @Query("SELECT id FROM funding_call WHERE id = :id FOR UPDATE")
    Long lockForSettling(long id);
}
