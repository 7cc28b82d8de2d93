package cn.rdfund.claim;

import cn.rdfund.system.tasks.FormValues;
import java.util.List;
import java.util.Map;

/**
 * The account the claimant's award is paid into: its bank (开户银行) and number, the claimant organization's own
 * (户名 is the organization's name, not typed). The number is kept as digits; people type it with spaces.
 */
record Payee(String bank, String account) {

    private static final int BANK_MAX = 100;

    static Payee read(Map<String, Object> values, List<String> problems) {
        String bank = FormValues.text(values.get("payeeBank"));
        if (bank == null || bank.isEmpty() || bank.length() > BANK_MAX) {
            problems.add("请填写开户银行（不超过" + BANK_MAX + "字，如 中国工商银行沈阳和平支行）");
            bank = null;
        } else if (!bankName(bank)) {
            // One line, and no account number in it: finance reads the account from its own field only.
            problems.add("「开户银行」只填写银行和支行名称（一行，不含账号）");
            bank = null;
        }
        Object typed = values.get("payeeAccount");
        String account = typed instanceof String text
                ? text.replaceAll("[\\s\\u00A0\\u3000]", "").replaceAll("(?<=\\d)-(?=\\d)", "") : "";
        if (!account.matches("\\d{8,32}")) {
            problems.add("请填写银行账号（8至32位数字，可含空格）");
            account = null;
        }
        return bank == null || account == null ? null : new Payee(bank, account);
    }

    /**
     * A bank and branch as people write them (中国工商银行沈阳和平支行, 中国银行股份有限公司沈阳浑南支行（营业部）): Chinese
     * characters, Latin letters, brackets, a middle dot, a hyphen, spaces, at most four ASCII digits and no other kind
     * of digit or numeral run: nothing that could be read as a second account number.
     */
    static boolean bankName(String bank) {
        return ClaimConditionFields.singleLine(bank)
                && bank.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || (c < 0x80 && (Character.isLetterOrDigit(c) || " ()-.&".indexOf(c) >= 0))
                        || "（）·　【】、".indexOf(c) >= 0)
                && bank.chars().filter(c -> c >= '0' && c <= '9').count() <= 4
                && !bank.matches(".*[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]{5,}.*");
    }

    /** As finance and the lead unit read it: 中国工商银行沈阳和平支行 3301 0012 3456 789 */
    String display() {
        return bank + " " + account.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }
}
