package cn.rdfund.ledger;

import cn.rdfund.system.ConflictException;

public class DuplicateLedgerEntryException extends ConflictException {

    public DuplicateLedgerEntryException(LedgerPosting posting) {
        super("该笔已记账，不能重复记账: 项目" + posting.projectId() + "/里程碑" + posting.milestoneSeq() + "/"
                + posting.kind().displayName());
    }
}
