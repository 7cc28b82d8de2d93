package cn.rdfund.demo;

import static cn.rdfund.organization.District.DADONG;
import static cn.rdfund.organization.District.HEPING;
import static cn.rdfund.organization.District.HUNNAN;
import static cn.rdfund.organization.District.SHENBEI;
import static cn.rdfund.organization.District.TIEXI;
import static cn.rdfund.organization.District.XINMIN;
import static cn.rdfund.organization.OrganizationKind.ENTERPRISE;
import static cn.rdfund.organization.OrganizationKind.HOSPITAL;
import static cn.rdfund.organization.OrganizationKind.RESEARCH_INSTITUTE;
import static cn.rdfund.organization.OrganizationKind.UNIVERSITY;

import cn.rdfund.organization.District;
import cn.rdfund.organization.OrganizationKind;
import cn.rdfund.organization.UnifiedSocialCreditCode;
import cn.rdfund.bureau.LeadUnit;
import cn.rdfund.system.security.Groups;
import java.util.List;
import java.util.Set;

/** The fictional people and organizations of the demo: Shenyang biomedicine, seed-000 technology fields. */
final class DemoData {

    record DemoOrganization(String key, String usccPrefix, String name, OrganizationKind kind, District district) {

        String uscc() {
            return usccPrefix + UnifiedSocialCreditCode.checkCharacter(usccPrefix);
        }
    }

    record DemoExpert(String userId, String organizationKey, String title, Set<String> fields,
            Set<String> collaboratorKeys) {
    }

    /** An applicant user and the organization it acts for. */
    record DemoMembership(String userId, String organizationKey) {
    }

    private DemoData() {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("kjj", "王科", LeadUnit.KJJ.groupId(), "市科技局项目经理"),
            new DemoUser("kjj2", "赵审", LeadUnit.KJJ.groupId(), "市科技局处长（审核）"),
            new DemoUser("fgw", "李发", LeadUnit.FGW.groupId(), "市发改委项目经理"),
            new DemoUser("fgw2", "孙改", LeadUnit.FGW.groupId(), "市发改委处长（审核）"),
            new DemoUser("gxj", "张工", LeadUnit.GXJ.groupId(), "市工信局项目经理"),
            new DemoUser("gxj2", "周信", LeadUnit.GXJ.groupId(), "市工信局处长（审核）"),
            new DemoUser("rsj", "刘人", LeadUnit.RSJ.groupId(), "市人社局项目经理"),
            new DemoUser("rsj2", "吴保", LeadUnit.RSJ.groupId(), "市人社局处长（审核）"),
            new DemoUser("wjw", "陈卫", LeadUnit.WJW.groupId(), "市卫健委项目经理"),
            new DemoUser("jyj", "许教", LeadUnit.JYJ.groupId(), "市教育局项目经理"),
            new DemoUser("expert1", "杨新药", Groups.EXPERTS, "评审专家"),
            new DemoUser("expert2", "黄合成", Groups.EXPERTS, "评审专家"),
            new DemoUser("expert3", "赵中药", Groups.EXPERTS, "评审专家"),
            new DemoUser("expert4", "吴制剂", Groups.EXPERTS, "评审专家"),
            new DemoUser("expert5", "徐器械", Groups.EXPERTS, "评审专家"),
            new DemoUser("expert6", "孙影像", Groups.EXPERTS, "评审专家"),
            new DemoUser("finance", "钱财", Groups.FINANCE, "财务"),
            new DemoUser("finance2", "蒋复", Groups.FINANCE, "财务复核"),
            new DemoUser("auditor", "周审", Groups.AUDITORS, "审计"),
            new DemoUser("applicant", "郑申", Groups.APPLICANTS, "申报单位（浑南创新药业）"),
            new DemoUser("applicant2", "冯报", Groups.APPLICANTS, "申报单位（铁西精准医疗器械）"),
            new DemoUser("applicant3", "韩揭", Groups.APPLICANTS, "申报单位（沈北生物制剂）"),
            new DemoUser("admin", "马管", Groups.ADMINS, "系统管理员"));

    static final List<DemoOrganization> ORGANIZATIONS = List.of(
            new DemoOrganization("hunnan-pharma", "91210112MA0RD0001", "沈阳浑南创新药业有限公司（演示）", ENTERPRISE, HUNNAN),
            new DemoOrganization("tiexi-device", "91210106MA0RD0002", "沈阳铁西精准医疗器械有限公司（演示）", ENTERPRISE, TIEXI),
            new DemoOrganization("shenbei-bio", "91210113MA0RD0003", "沈阳沈北生物制剂有限公司（演示）", ENTERPRISE, SHENBEI),
            new DemoOrganization("dadong-tcm", "91210104MA0RD0004", "沈阳大东中药现代化科技有限公司（演示）", ENTERPRISE, DADONG),
            new DemoOrganization("xinmin-material", "91210181MA0RD0005", "新民医用材料有限公司（演示）", ENTERPRISE, XINMIN),
            new DemoOrganization("medical-university", "12210000RD0000006", "沈阳示范医科大学（演示）", UNIVERSITY, HEPING),
            new DemoOrganization("pharma-institute", "12210000RD0000007", "辽宁示范药物研究院（演示）", RESEARCH_INSTITUTE, HUNNAN),
            new DemoOrganization("first-hospital", "12210000RD0000008", "沈阳示范第一医院（演示）", HOSPITAL, HEPING));

    static final List<DemoExpert> EXPERTS = List.of(
            new DemoExpert("expert1", "medical-university", "教授", Set.of("新药筛选", "化学药"), Set.of("hunnan-pharma")),
            new DemoExpert("expert2", "pharma-institute", "研究员", Set.of("化学合成", "药物一致性评价", "化学药"), Set.of()),
            new DemoExpert("expert3", "medical-university", "教授", Set.of("中药组分分析与质量控制", "中药"), Set.of("dadong-tcm")),
            new DemoExpert("expert4", "pharma-institute", "研究员", Set.of("新制剂与新释药系统", "生物药"), Set.of()),
            new DemoExpert("expert5", "first-hospital", "主任医师", Set.of("血管植入介入", "医疗器械"), Set.of("tiexi-device")),
            new DemoExpert("expert6", "first-hospital", "主任医师", Set.of("医学影像", "医疗器械"), Set.of()));

    static final List<DemoMembership> MEMBERSHIPS = List.of(
            new DemoMembership("applicant", "hunnan-pharma"),
            new DemoMembership("applicant2", "tiexi-device"),
            new DemoMembership("applicant3", "shenbei-bio"));
}
