package cn.rdfund.system.tasks;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A process instance's business key as people read it: a case's code (XM…, SB…, DX…, ZN…, JB…). An expert review
 * started before 申报编号 existed is keyed by its application's process instance id: no number a person reads.
 */
public final class BusinessKeys {

    private static final Pattern PROCESS_INSTANCE_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private BusinessKeys() {
    }

    public static Optional<String> caseCode(String businessKey) {
        return businessKey == null || businessKey.isBlank() || PROCESS_INSTANCE_ID.matcher(businessKey).matches()
                ? Optional.empty() : Optional.of(businessKey);
    }
}
