package cn.rdfund.system.security;

import java.util.Optional;

/**
 * Which unit (处室) leads the case a root process instance belongs to, as the feature that owns the case records it
 * (implemented where cases are known: the audit's case index). Empty while the case does not know it yet, e.g. an
 * application before it names its call.
 */
public interface CaseUnits {

    Optional<String> leadUnitGroupOf(String rootProcessInstanceId);

    /** The same from any process instance of the case, a sub-process's (a disbursement's) included. */
    Optional<String> leadUnitGroupOfCase(String processInstanceId);
}
