package cn.rdfund.audit;

import java.util.Set;

/**
 * What an auditor searches cases by; every criterion that is set must match. {@code text} matches the name, code,
 * enterprise name or USCC; {@code units} (lead units such as KJJ) are set for program managers, who see their own
 * units' cases only; null means every unit. {@code funded}: projects only, and only those the dashboard counts (not
 * proposed or withdrawn); {@code area}: projects whose call names this technology area (as the dashboard splits them)
 * and calls that name it.
 */
public record CaseSearch(String text, String kind, String measure, String district, Integer year, Set<String> units,
        boolean funded, String area) {

    public CaseSearch(String text, String kind, String measure, String district, Integer year, Set<String> units) {
        this(text, kind, measure, district, year, units, false, null);
    }

    CaseSearch within(Set<String> leadUnits) {
        return new CaseSearch(text, kind, measure, district, year, leadUnits, funded, area);
    }
}
