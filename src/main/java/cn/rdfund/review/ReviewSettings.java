package cn.rdfund.review;

import java.math.BigDecimal;

/**
 * How a panel is formed and judged (decision table ReviewSettings): panel size, the smallest panel
 * allowed, from how many reviews the mean is trimmed, the spread that needs consensus, the pass mark.
 */
public record ReviewSettings(int panelSize, int minimumPanelSize, int trimFrom, BigDecimal spreadLimit,
        BigDecimal passScore) {

    public ReviewSettings {
        if (minimumPanelSize < 3 || panelSize < minimumPanelSize) {
            throw new IllegalArgumentException("评审专家至少3人，且不少于最低人数: " + panelSize + "/" + minimumPanelSize);
        }
        if (trimFrom < 3) {
            throw new IllegalArgumentException("去掉最高分和最低分至少需要3份评审意见，去极值起始份数为" + trimFrom);
        }
    }
}
