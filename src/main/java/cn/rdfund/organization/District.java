package cn.rdfund.organization;

/** Districts and counties of Shenyang (沈阳市), where applicants are registered. */
public enum District {
    HEPING("和平区"),
    SHENHE("沈河区"),
    DADONG("大东区"),
    HUANGGU("皇姑区"),
    TIEXI("铁西区"),
    SUJIATUN("苏家屯区"),
    HUNNAN("浑南区"),
    SHENBEI("沈北新区"),
    YUHONG("于洪区"),
    LIAOZHONG("辽中区"),
    XINMIN("新民市"),
    KANGPING("康平县"),
    FAKU("法库县");

    private final String displayName;

    District(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The Chinese name of a district stored by its enum name; anything else as it is. */
    public static String displayNameOf(String name) {
        for (District district : values()) {
            if (district.name().equals(name)) {
                return district.displayName;
            }
        }
        return name;
    }
}
