package org.borderledger.events;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Province codes such as {@code VN-47} (Kiên Giang) and {@code KH-7} (Kampot): ISO 3166-2 codes, and the ledger's own
 * code {@link #AN_GIANG} where ISO publishes none. Which codes exist on which dates is {@link ProvinceRegister}'s.
 */
public final class Provinces {

    /** Kiên Giang, until 30 June 2025; continued by {@link #AN_GIANG}. */
    public static final String KIEN_GIANG = "VN-47";

    /** An Giang before the 2025 merger, until 30 June 2025; continued by {@link #AN_GIANG}. */
    public static final String AN_GIANG_BEFORE_2025 = "VN-44";

    /**
     * An Giang from 1 July 2025, formed from Kiên Giang and the earlier An Giang. ISO 3166-2 has published no code for
     * it, so the ledger uses a code of its own: an ISO subdivision code has one to three characters after the hyphen,
     * so a code with six can never collide with one ISO publishes later, and {@code VN-44} keeps naming the earlier
     * province.
     */
    public static final String AN_GIANG = "VN-AG2025";

    public static final String KAMPOT = "KH-7";
    public static final String KANDAL = "KH-8";
    public static final String TAKEO = "KH-21";
    public static final String KEP = "KH-23";

    /**
     * The first day on which Viet Nam's provinces have no districts: communes, wards and special zones sit directly
     * under the province (Resolution 202/2025/QH15; new local governments from 1 July 2025,
     * https://news.laodong.vn/thoi-su/thoi-diem-ket-thuc-hoat-dong-bo-may-52-tinh-thanh-cu-1522769.ldo). Cambodia keeps
     * its districts.
     */
    public static final LocalDate VIETNAM_WITHOUT_DISTRICTS_FROM = LocalDate.of(2025, 7, 1);

    /** The form of a code: side, hyphen, ISO's one to three characters or the ledger's own up to six. */
    public static final String PATTERN = "(VN|KH)-[0-9A-Z]{1,6}";

    private Provinces() {}

    /** The side a province code belongs to, or empty when the code is not of the form {@link #PATTERN}. */
    public static Optional<Side> sideOf(String provinceCode) {
        if (provinceCode == null || !provinceCode.matches(PATTERN)) {
            return Optional.empty();
        }
        return Optional.of(Side.valueOf(provinceCode.substring(0, 2)));
    }
}
