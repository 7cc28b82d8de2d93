package cn.rdfund.bureau;

import java.util.Arrays;
import java.util.Optional;

/**
 * The municipal bureaus that lead (牵头) the measures of the 2024 policy. Each has a program-manager
 * group in Camunda whose members work that unit's tasks.
 */
public enum LeadUnit {
    KJJ("pm-kjj", "市科技局"),
    FGW("pm-fgw", "市发改委"),
    GXJ("pm-gxj", "市工信局"),
    RSJ("pm-rsj", "市人社局"),
    WJW("pm-wjw", "市卫健委"),
    /** Co-unit (配合单位) of the order-based training award (P6.3). */
    JYJ("pm-jyj", "市教育局");

    private final String groupId;
    private final String displayName;

    LeadUnit(String groupId, String displayName) {
        this.groupId = groupId;
        this.displayName = displayName;
    }

    public String groupId() {
        return groupId;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<LeadUnit> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(unit -> unit.groupId.equals(groupId)).findFirst();
    }

    /** The unit's name for its code as stored (KJJ → 市科技局); a code that is no unit stays as it is. */
    public static String displayNameOf(String code) {
        return Arrays.stream(values()).filter(unit -> unit.name().equals(code)).findFirst()
                .map(LeadUnit::displayName).orElse(code);
    }
}
