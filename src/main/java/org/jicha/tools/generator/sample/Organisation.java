package org.jicha.tools.generator.sample;

import java.util.ArrayList;
import java.util.List;

/** The unit tree (company, county, three 供电所 with a team of every kind) and its staff. */
final class Organisation {

    private static final String[][] STATIONS = {
        {"QC01", "城关供电所"}, {"QC02", "河口供电所"}, {"QC03", "石桥供电所"}};

    private final World w;

    Organisation(World w) {
        this.w = w;
    }

    void build() {
        unit("HXSD", "国网华溪市供电公司", null, "COMPANY", null);
        unit("QC", "国网" + World.COUNTY_NAME + "县供电公司", "HXSD", "COUNTY", null);
        staff("QC", "营销部主任");
        staff("QC", "营销稽查专责");
        for (int i = 0; i < STATIONS.length; i++) {
            World.Station station = new World.Station(STATIONS[i][0], STATIONS[i][1], i + 1);
            unit(station.code, World.COUNTY_NAME + "县" + station.name, "QC", "STATION", null);
            station.head = staff(station.code, "供电所所长");
            team(station, World.TeamKind.READING, "抄表班", "抄表员", 3);
            team(station, World.TeamKind.BILLING, "核算班", "核算员", 2);
            team(station, World.TeamKind.COLLECTION, "收费班", "收费员", 2);
            team(station, World.TeamKind.BUSINESS, "营业班", "营业员", 2);
            team(station, World.TeamKind.INSPECTION, "用电检查班", "用电检查员", 3);
            team(station, World.TeamKind.INSTALLATION, "装表接电班", "装表接电工", 2);
            team(station, World.TeamKind.METERING, "计量班", "计量专责", 2);
            team(station, World.TeamKind.EXPANSION, "业扩班", "客户经理", 2);
            team(station, World.TeamKind.SAFETY, "客户安全班", "客户安全专责", 1);
            w.stations.add(station);
        }
    }

    private void team(World.Station station, World.TeamKind kind, String name, String role, int size) {
        String code = station.code + kind.name().substring(0, 2) + (kind == World.TeamKind.INSPECTION ? "C"
                : kind == World.TeamKind.INSTALLATION ? "L" : "");
        unit(code, World.COUNTY_NAME + "县" + station.name + name, station.code, "TEAM", kind.name());
        List<Batch.Staff> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(staff(code, i == 0 && size > 1 ? role + "(班长)" : role));
        }
        station.teams.put(kind, members);
    }

    private void unit(String code, String name, String parent, String type, String teamKind) {
        Batch.Unit u = new Batch.Unit();
        u.code = code;
        u.name = name;
        u.parentCode = parent;
        u.type = type;
        u.teamKind = teamKind;
        w.batch.units.add(u);
    }

    private Batch.Staff staff(String unitCode, String role) {
        Batch.Staff s = new Batch.Staff();
        s.id = String.format("QCYX%03d", w.next("STAFF"));
        s.name = w.names.person();
        s.unitCode = unitCode;
        s.role = role;
        w.batch.staff.add(s);
        return s;
    }
}
