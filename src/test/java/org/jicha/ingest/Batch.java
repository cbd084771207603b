package org.jicha.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a batch folder for a test: {@code aBatch("b1").with("units.csv", header, rows...).writeTo(dir)}. */
final class Batch {

    private final String name;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private Batch(String name) {
        this.name = name;
    }

    static Batch aBatch(String name) {
        return new Batch(name);
    }

    /** A batch with the records every other file can refer to: units, a tariff, a customer, a meter, an application. */
    static Batch referenceWorld(String name) {
        return aBatch(name)
                .with("units.csv", Rows.UNITS, "C1,市公司,,COMPANY,", "S1,城關供電所,C1,STATION,", "T1,抄表班,S1,TEAM,READING")
                .with("tariffs.csv", Rows.TARIFFS, "R1,居民生活用電,RESIDENTIAL,0.22,0.5283,2024-01-01")
                .with("customers.csv", Rows.CUSTOMERS, "CU1,張三,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                .with("meters.csv", Rows.METERS, "M1,CU1,SMART_SINGLE,1,2020-05-01,IN_SERVICE")
                .with("applications.csv", Rows.APPLICATIONS, "A1,,李四,RES_NEW,S1,2026-10-01 09:00:00,IN_PROGRESS");
    }

    Batch with(String fileName, String header, String... rows) {
        return with(fileName, StandardCharsets.UTF_8, header, rows);
    }

    Batch with(String fileName, Charset charset, String header, String... rows) {
        StringBuilder text = new StringBuilder(header).append("\r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        return withBytes(fileName, text.toString().getBytes(charset));
    }

    Batch withBytes(String fileName, byte[] content) {
        files.put(fileName, content);
        return this;
    }

    Path writeTo(Path parent) {
        Path folder = parent.resolve(name);
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = folder.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    Map<String, byte[]> files() {
        return files;
    }

    String name() {
        return name;
    }

    /** Headers of the contract files with the columns the fixtures fill. */
    static final class Rows {
        static final String UNITS = "unit_code,unit_name,parent_code,unit_type,team_kind";
        static final String STAFF = "staff_id,name,unit_code,role";
        static final String TARIFFS = "tariff_code,tariff_name,customer_category,voltage_kv,energy_price,valid_from";
        static final String CUSTOMERS = "customer_no,customer_name,category,voltage_kv,tariff_code,contract_kva,"
                + "status,station_code,opened_on,reading_day,fixed_ratio_pct";
        static final String IMPORTANT_CUSTOMERS = "customer_no,grade,supply_sources,self_generator";
        static final String METERS = "meter_id,customer_no,meter_kind,multiplier,installed_on,status";
        static final String READINGS =
                "meter_id,period,read_on,previous_value,current_value,multiplier," + "consumption_kwh,read_type";
        static final String BILLS =
                "bill_no,customer_no,period,tariff_code,energy_kwh,energy_charge," + "total_amount,issued_on,due_on";
        static final String APPLICATIONS =
                "app_no,customer_no,applicant_name,app_type,station_code,accepted_at," + "status";
        static final String STEPS = "app_no,step,started_at,finished_at";
        static final String INSPECTIONS = "inspection_no,customer_no,inspected_on,inspector_ids,kind,result";
        static final String EVENTS = "event_no,meter_id,kind,occurred_on";

        private Rows() {}
    }
}
