package cn.rdfund.system;

/** Texts several people wrote that must fit one column or process variable. */
public final class Texts {

    private Texts() {
    }

    /** The text, or its first {@code max - 1} characters and an ellipsis when it is longer than {@code max}. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
