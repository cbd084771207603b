package org.jicha.tools.generator.province;

import org.jicha.tools.generator.CsvFile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jicha.tools.generator.Names;

/**
 * The unit tree scaled to the number of customers: one company, a county per about 200,000 customers, a 供电所
 * per about 6,000 (or as many as asked), each with the nine teams of the sample batch (抄表, 核算, 收费, 营业, 用电检查,
 * 装表接电, 计量, 业扩, 客户安全) and their staff. Customers are served by stations in contiguous blocks of
 * customer numbers. Small: a million customers make about 170 stations and a few thousand staff.
 */
final class Organisation {

    enum TeamKind {
        READING("RE", "抄表班", "抄表员"), BILLING("BI", "核算班", "核算员"), COLLECTION("CO", "收费班", "收费员"),
        BUSINESS("BU", "营业班", "营业员"), INSPECTION("IN", "用电检查班", "用电检查员"),
        INSTALLATION("IL", "装表接电班", "装表接电工"), METERING("ME", "计量班", "计量专责"),
        EXPANSION("EX", "业扩班", "客户经理"), SAFETY("SA", "客户安全班", "客户安全专责");

        final String suffix;
        final String teamName;
        final String role;

        TeamKind(String suffix, String teamName, String role) {
            this.suffix = suffix;
            this.teamName = teamName;
            this.role = role;
        }
    }

    static final String COMPANY_CODE = "HX";
    static final String COMPANY_NAME = "国网华溪供电公司";
    static final int CUSTOMERS_PER_COUNTY = 200_000;
    static final int CUSTOMERS_PER_STATION = 6_000;

    private static final String[] COUNTY_NAMES = {"青川", "柳江", "石门", "安宁", "长乐", "云溪", "平山", "临河", "东阳",
        "西岭", "南屏", "北川", "白水", "凤台", "金沙", "龙泉", "桃源", "清河", "玉山", "松阳"};
    private static final String[] STATION_PLACES = {"城关", "河口", "石桥", "新街", "东门", "西关", "南桥", "北坝", "柳湾",
        "青石", "龙潭", "白沙", "桃园", "杨柳", "金鸡", "马坪", "高桥", "双河", "太平", "永兴", "三合", "红星", "黄土", "花园"};

    /** A 供电所 with its staff ids by team. */
    record Station(String code, String name, String countyName, int index, Map<TeamKind, List<String>> teams) {
        String member(TeamKind kind, long i) {
            List<String> members = teams.get(kind);
            return members.get((int) Math.floorMod(i, (long) members.size()));
        }
    }

    private final List<Station> stations = new ArrayList<>();
    private final long customers;
    private int staffSeq;

    private Organisation(long customers) {
        this.customers = customers;
    }

    /** Builds the tree for {@code customers} customers in {@code stationCount} stations and writes units and staff. */
    static Organisation write(long customers, int stationCount, SplittableRandom random, CsvFile units, CsvFile staff) {
        Organisation o = new Organisation(customers);
        o.build(stationCount, random, units, staff);
        return o;
    }

    static int defaultStations(long customers) {
        return (int) Math.max(1, Math.round(customers / (double) CUSTOMERS_PER_STATION));
    }

    List<Station> stations() {
        return stations;
    }

    /** The station serving customer {@code index} (0-based): contiguous, nearly equal blocks. */
    Station stationOf(long index) {
        return stations.get((int) (index * stations.size() / customers));
    }

    private void build(int stationCount, SplittableRandom random, CsvFile units, CsvFile staff) {
        int counties = (int) Math.max(1, Math.min(stationCount, Math.round(customers / (double) CUSTOMERS_PER_COUNTY)));
        unit(units, COMPANY_CODE, COMPANY_NAME, null, "COMPANY", null);
        staff(staff, random, COMPANY_CODE, "营销部主任");
        staff(staff, random, COMPANY_CODE, "营销稽查专责");
        long stationSize = Math.max(1, customers / stationCount);
        int readers = (int) Math.max(2, Math.min(40, stationSize / 1_500));
        for (int c = 0; c < counties; c++) {
            String countyCode = COMPANY_CODE + String.format("%03d", c + 1);
            String countyName = COUNTY_NAMES[c % COUNTY_NAMES.length] + (c >= COUNTY_NAMES.length ? Integer.toString(c / COUNTY_NAMES.length + 1) : "");
            unit(units, countyCode, "国网" + countyName + "县供电公司", COMPANY_CODE, "COUNTY", null);
            staff(staff, random, countyCode, "营销部主任");
            staff(staff, random, countyCode, "营销稽查专责");
            int first = (int) ((long) c * stationCount / counties);
            int last = (int) ((long) (c + 1) * stationCount / counties);
            for (int s = first; s < last; s++) {
                int local = s - first;
                String code = countyCode + String.format("S%03d", local + 1);
                String place = STATION_PLACES[local % STATION_PLACES.length]
                        + (local >= STATION_PLACES.length ? Integer.toString(local / STATION_PLACES.length + 1) : "");
                String name = countyName + "县" + place + "供电所";
                unit(units, code, name, countyCode, "STATION", null);
                staff(staff, random, code, "供电所所长");
                Map<TeamKind, List<String>> teams = new EnumMap<>(TeamKind.class);
                for (TeamKind kind : TeamKind.values()) {
                    String teamCode = code + kind.suffix;
                    unit(units, teamCode, name + kind.teamName, code, "TEAM", kind.name());
                    int size = switch (kind) {
                        case READING -> readers;
                        case INSPECTION -> 3;
                        case SAFETY -> 1;
                        default -> 2;
                    };
                    List<String> members = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        members.add(staff(staff, random, teamCode, i == 0 && size > 1 ? kind.role + "(班长)" : kind.role));
                    }
                    teams.put(kind, List.copyOf(members));
                }
                stations.add(new Station(code, name, countyName, s, teams));
            }
        }
    }

    private static void unit(CsvFile units, String code, String name, String parent, String type, String teamKind) {
        units.text(code).text(name).text(parent).text(type).text(teamKind).endRow();
    }

    private String staff(CsvFile staff, SplittableRandom random, String unitCode, String role) {
        String id = String.format("YX%06d", ++staffSeq);
        staff.text(id).text(Names.anyPerson(random)).text(unitCode).text(role).endRow();
        return id;
    }
}
