package org.jicha.tools.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The unit tree of a generated batch and its staff: a company, its county companies and their 供电所, each with
 * the nine teams the rule catalogue routes tickets to (抄表, 核算, 收费, 营业, 用电检查, 装表接电, 计量, 业扩, 客户安全).
 * The sample's one county ({@link #county}) and a province scaled to its customers ({@link #province}) are drawn by
 * the same code in the same order; they differ only in their codes, names and the size of the reading team. The
 * rows go to a {@link Rows}, which also numbers and names the staff, so that each batch keeps its own identifiers.
 * Small: a million customers make about 170 stations and a few thousand staff.
 */
public final class Organisation {

    /** The teams of a 供电所, in the order their units are written. */
    public enum TeamKind {
        READING("RE", "RE", "抄表班", "抄表员"),
        BILLING("BI", "BI", "核算班", "核算员"),
        COLLECTION("CO", "CO", "收费班", "收费员"),
        BUSINESS("BU", "BU", "营业班", "营业员"),
        INSPECTION("IN", "INC", "用电检查班", "用电检查员"),
        INSTALLATION("IL", "INL", "装表接电班", "装表接电工"),
        METERING("ME", "ME", "计量班", "计量专责"),
        EXPANSION("EX", "EX", "业扩班", "客户经理"),
        SAFETY("SA", "SA", "客户安全班", "客户安全专责");

        /** The suffix of the team's unit code after its station's code. */
        final String suffix;
        /** The sample batch's suffix: it set INSPECTION and INSTALLATION apart by a third letter. */
        final String countySuffix;

        final String teamName;
        final String role;

        TeamKind(String suffix, String countySuffix, String teamName, String role) {
            this.suffix = suffix;
            this.countySuffix = countySuffix;
            this.teamName = teamName;
            this.role = role;
        }

        private int size(int readers) {
            return switch (this) {
                case READING -> readers;
                case INSPECTION -> 3;
                case SAFETY -> 1;
                default -> 2;
            };
        }
    }

    /** Where the tree's rows go: the batch's units and staff files. */
    public interface Rows {

        void unit(String code, String name, String parentCode, String type, String teamKind);

        /** Writes a staff member of the unit with the role and returns the id given to them. */
        String staff(String unitCode, String role);
    }

    /** A 供电所: code, unit name, county and place names, index in the tree (0-based), head and staff by team. */
    public record Station(
            String code,
            String name,
            String countyName,
            String place,
            int index,
            String head,
            Map<TeamKind, List<String>> teams) {

        /** Member {@code i} of a team, counting round: spreads the work over the team. */
        public String member(TeamKind kind, long i) {
            List<String> members = teams.get(kind);
            return members.get((int) Math.floorMod(i, (long) members.size()));
        }
    }

    static final String PROVINCE_CODE = "HX";
    static final String PROVINCE_NAME = "国网华溪供电公司";
    static final int CUSTOMERS_PER_COUNTY = 200_000;
    static final int CUSTOMERS_PER_STATION = 6_000;

    private static final String[] COUNTY_NAMES = {
        "青川", "柳江", "石门", "安宁", "长乐", "云溪", "平山", "临河", "东阳", "西岭", "南屏", "北川", "白水", "凤台", "金沙", "龙泉", "桃源", "清河",
        "玉山", "松阳"
    };
    private static final String[] STATION_PLACES = {
        "城关", "河口", "石桥", "新街", "东门", "西关", "南桥", "北坝", "柳湾", "青石", "龙潭", "白沙", "桃园", "杨柳", "金鸡", "马坪", "高桥", "双河",
        "太平", "永兴", "三合", "红星", "黄土", "花园"
    };

    private final Rows rows;
    private final boolean countyCodes;
    private final List<Station> stations = new ArrayList<>();
    private final long customers;

    private Organisation(Rows rows, boolean countyCodes, long customers) {
        this.rows = rows;
        this.countyCodes = countyCodes;
        this.customers = customers;
    }

    /**
     * The sample batch's tree: the city company 国网华溪市供电公司 (HXSD, no staff of its own), one county, 青川
     * (QC), and its three 供电所 城关, 河口 and 石桥 (QC01 .. QC03), three meter readers each.
     */
    public static Organisation county(Rows rows) {
        Organisation o = new Organisation(rows, true, 0);
        rows.unit("HXSD", "国网华溪市供电公司", null, "COMPANY", null);
        o.county("QC", "青川", "HXSD", 0, new String[] {"QC01", "QC02", "QC03"}, 3);
        return o;
    }

    /**
     * A province's tree for {@code customers} customers in {@code stationCount} stations: a county per about
     * 200,000 customers (at most one per station), the stations spread evenly over them, a meter reader per about
     * 1,500 customers of a station (2 to 40). Customers are served in contiguous blocks ({@link #stationOf}).
     */
    public static Organisation province(long customers, int stationCount, Rows rows) {
        Organisation o = new Organisation(rows, false, customers);
        int counties = (int) Math.max(1, Math.min(stationCount, Math.round(customers / (double) CUSTOMERS_PER_COUNTY)));
        rows.unit(PROVINCE_CODE, PROVINCE_NAME, null, "COMPANY", null);
        rows.staff(PROVINCE_CODE, "营销部主任");
        rows.staff(PROVINCE_CODE, "营销稽查专责");
        long stationSize = Math.max(1, customers / stationCount);
        int readers = (int) Math.max(2, Math.min(40, stationSize / 1_500));
        for (int c = 0; c < counties; c++) {
            String countyName = numbered(COUNTY_NAMES, c);
            int first = (int) ((long) c * stationCount / counties);
            int last = (int) ((long) (c + 1) * stationCount / counties);
            String countyCode = PROVINCE_CODE + String.format("%03d", c + 1);
            String[] stationCodes = new String[last - first];
            for (int local = 0; local < stationCodes.length; local++) {
                stationCodes[local] = countyCode + String.format("S%03d", local + 1);
            }
            o.county(countyCode, countyName, PROVINCE_CODE, first, stationCodes, readers);
        }
        return o;
    }

    /** One station per about 6,000 customers, at least one. */
    public static int defaultStations(long customers) {
        return (int) Math.max(1, Math.round(customers / (double) CUSTOMERS_PER_STATION));
    }

    private static String numbered(String[] names, int i) {
        return names[i % names.length] + (i >= names.length ? Integer.toString(i / names.length + 1) : "");
    }

    private void county(String code, String name, String parent, int firstIndex, String[] stationCodes, int readers) {
        rows.unit(code, "国网" + name + "县供电公司", parent, "COUNTY", null);
        rows.staff(code, "营销部主任");
        rows.staff(code, "营销稽查专责");
        for (int local = 0; local < stationCodes.length; local++) {
            String place = numbered(STATION_PLACES, local);
            String stationCode = stationCodes[local];
            String stationName = name + "县" + place + "供电所";
            rows.unit(stationCode, stationName, code, "STATION", null);
            String head = rows.staff(stationCode, "供电所所长");
            Map<TeamKind, List<String>> teams = new EnumMap<>(TeamKind.class);
            for (TeamKind kind : TeamKind.values()) {
                String teamCode = stationCode + (countyCodes ? kind.countySuffix : kind.suffix);
                rows.unit(teamCode, stationName + kind.teamName, stationCode, "TEAM", kind.name());
                int size = kind.size(readers);
                List<String> members = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    members.add(rows.staff(teamCode, i == 0 && size > 1 ? kind.role + "(班长)" : kind.role));
                }
                teams.put(kind, List.copyOf(members));
            }
            stations.add(new Station(stationCode, stationName, name, place, firstIndex + local, head, teams));
        }
    }

    public List<Station> stations() {
        return stations;
    }

    /** The station serving customer {@code index} (0-based) of a province: contiguous, nearly equal blocks. */
    public Station stationOf(long index) {
        return stations.get((int) (index * stations.size() / customers));
    }
}
