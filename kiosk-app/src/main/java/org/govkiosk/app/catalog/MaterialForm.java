package org.govkiosk.app.catalog;

/** In which form a material is handed in. */
public enum MaterialForm {
    ORIGINAL("original", "原件"),
    COPY("copy", "复印件"),
    ORIGINAL_AND_COPY("original-and-copy", "原件及复印件"),
    /** Filled in or signed at the terminal or window (申请表, 承诺书). */
    FORM("form", "现场填写");

    private final String configName;
    private final String label;

    MaterialForm(String configName, String label) {
        this.configName = configName;
        this.label = label;
    }

    /** The name used in catalog.yaml. */
    public String configName() {
        return configName;
    }

    /** The Chinese words on screen and paper. */
    public String label() {
        return label;
    }
}
