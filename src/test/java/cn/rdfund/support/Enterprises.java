package cn.rdfund.support;

import cn.rdfund.organization.UnifiedSocialCreditCode;
import java.util.Locale;

/** Applicants with an enterprise each, made over HTTP as the administrator and the applicant would make them. */
public final class Enterprises {

    private Enterprises() {
    }

    /**
     * Applicant number {@code i} ({@code bench-claimant-i}, password = user id): an account made by the demo
     * administrator in the 申报单位 group, with an enterprise of its own (a valid credit code from the number) that it
     * registered itself and acts for. Answers the user id.
     */
    public static String registerApplicant(int port, int i) {
        String user = "bench-claimant-" + i;
        Http admin = Http.as(port, "admin");
        expect(admin.post("/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"基准","lastName":"申领人%d"},"credentials":{"password":"%s"}}"""
                .formatted(user, i, user)), 204, "create " + user);
        expect(admin.put("/engine-rest/group/applicants/members/" + user), 204, "make " + user + " an applicant");
        String first17 = "91210112MA0" + String.format(Locale.ROOT, "%06d", i);
        expect(Http.as(port, user).post("/api/organizations", """
                {"uscc":"%s","name":"基准测试企业%d有限公司","kind":"ENTERPRISE","district":"HUNNAN"}"""
                .formatted(first17 + UnifiedSocialCreditCode.checkCharacter(first17), i)), 201,
                "register " + user + "'s enterprise");
        return user;
    }

    private static void expect(Http.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("Could not " + what + ": " + response.status() + " " + response.body());
        }
    }
}
