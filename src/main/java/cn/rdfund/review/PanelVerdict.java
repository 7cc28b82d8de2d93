package cn.rdfund.review;

import java.util.Collection;

/** The conclusion of an expert panel at the mid-term check (中期检查) or acceptance (验收), mildest first. */
public enum PanelVerdict {
    PASS("通过"), RECTIFY("整改"), FAIL("不通过");

    private final String label;

    PanelVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The median verdict on the scale PASS < RECTIFY < FAIL; with an even number of opinions the more severe of
     * the two middle ones.
     */
    public static PanelVerdict of(Collection<PanelVerdict> opinions) {
        if (opinions == null || opinions.isEmpty()) {
            throw new IllegalArgumentException("没有专家意见");
        }
        // index size/2 is the median for an odd count and the more severe middle one for an even count
        return opinions.stream().sorted().skip(opinions.size() / 2).findFirst().orElseThrow();
    }

    /** At the one re-check after a rectification a second RECTIFY is not allowed: it counts as FAIL. */
    public PanelVerdict atRecheck() {
        return this == RECTIFY ? FAIL : this;
    }

    /** Reads the verdict a form or process variable holds as the enum name, e.g. "PASS". */
    public static PanelVerdict parse(Object value) {
        if (value instanceof String name) {
            for (PanelVerdict verdict : values()) {
                if (verdict.name().equals(name)) {
                    return verdict;
                }
            }
        }
        throw new IllegalArgumentException("未知的检查结论: " + value);
    }
}
