package cn.rdfund.disbursement;

/**
 * One row of the disbursement schedule (decision table DisbursementSchedule): instalment number,
 * its share of the funded amount in percent, and the event that releases it.
 */
public record InstalmentShare(int seq, int percent, String releasedBy) {

    public InstalmentShare {
        if (seq < 1) {
            throw new IllegalArgumentException("拨付期次从1开始: " + seq);
        }
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("拨付比例应在1%到100%之间: " + percent);
        }
    }
}
