package org.borderledger.events;

import java.util.Optional;

/** ISO 3166-2 province codes such as {@code VN-47} (Kiên Giang) and {@code KH-7} (Kampot). */
public final class Provinces {

    public static final String KIEN_GIANG = "VN-47";
    public static final String KAMPOT = "KH-7";

    private Provinces() {}

    /** The side a province code belongs to, or empty when the code is not of the form {@code VN-..} or {@code KH-..}. */
    public static Optional<Side> sideOf(String provinceCode) {
        if (provinceCode == null || !provinceCode.matches("(VN|KH)-[0-9A-Z]{1,3}")) {
            return Optional.empty();
        }
        return Optional.of(Side.valueOf(provinceCode.substring(0, 2)));
    }
}
