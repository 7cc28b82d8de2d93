package cn.rdfund.call;

import java.util.Arrays;
import java.util.List;

/** Key technologies of the provincial biomedicine plan (seed 000) that a call may name. */
public enum TechnologyArea {
    DRUG_SCREENING("新药筛选"),
    CHEMICAL_SYNTHESIS("化学合成"),
    TCM_QUALITY_CONTROL("中药组分分析与质量控制"),
    NEW_FORMULATIONS("新制剂与新释药系统"),
    CONSISTENCY_EVALUATION("药物一致性评价"),
    VASCULAR_INTERVENTION("血管植入介入"),
    MEDICAL_IMAGING("医学影像");

    private final String displayName;

    TechnologyArea(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public static List<String> displayNames() {
        return Arrays.stream(values()).map(TechnologyArea::displayName).toList();
    }
}
