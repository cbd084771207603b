package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jicha.ingest.Batch.aBatch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jicha.ingest.Batch.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One test per row rule of the data contract: given a stored reference world (units C1 > S1 > T1, tariff R1,
 * customer CU1, meter M1, application A1), a batch with one offending row yields exactly one rejection naming
 * file, line, column, value and reason, and stores nothing of that row.
 */
@IngestIntegrationTest
class RowRulesIntegrationTests {

    @Autowired
    BatchLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoadHistory history;

    @TempDir
    Path dir;

    @BeforeEach
    void storeReferenceWorld() {
        Database.clean(jdbc);
        assertThat(loader.load(Batch.referenceWorld("world").writeTo(dir)).status())
                .isEqualTo(LoadStatus.LOADED);
    }

    private List<String> rejections(String file, String header, String... rows) {
        LoadResult result = loader.load(aBatch("test").with(file, header, rows).writeTo(dir));
        return result.rejections().stream().map(Rejection::describe).toList();
    }

    // --- required values and parsing

    @Test
    void missingRequiredValueIsRejected() {
        assertThat(rejections("customers.csv", Rows.CUSTOMERS, "CU2,,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,"))
                .containsExactly("customers.csv:2 column customer_name value \"\": required value is missing");
        assertThat(Database.count(jdbc, "customers")).isEqualTo(1);
    }

    @Test
    void impossibleDateIsRejected() {
        assertThat(rejections("meters.csv", Rows.METERS, "M2,CU1,SMART_SINGLE,1,2026-02-30,IN_SERVICE"))
                .containsExactly(
                        "meters.csv:2 column installed_on value \"2026-02-30\": not a valid date (yyyy-MM-dd)");
    }

    @Test
    void malformedTimestampIsRejectedAndTSeparatorIsAccepted() {
        assertThat(rejections(
                        "applications.csv",
                        Rows.APPLICATIONS,
                        "A2,,李四,RES_NEW,S1,2026-10-01 25:00:00,IN_PROGRESS",
                        "A3,,李四,RES_NEW,S1,2026-10-01T09:30:00,IN_PROGRESS"))
                .containsExactly("applications.csv:2 column accepted_at value \"2026-10-01 25:00:00\": "
                        + "not a valid timestamp (yyyy-MM-dd HH:mm:ss)");
        assertThat(jdbc.queryForObject(
                        "SELECT CAST(accepted_at AS VARCHAR) FROM applications WHERE app_no = 'A3'", String.class))
                .isEqualTo("2026-10-01 09:30:00");
    }

    @Test
    void malformedMonthIsRejected() {
        assertThat(rejections("readings.csv", Rows.READINGS, "M1,2026-13,2026-10-25,1000,1150,1,150,ACTUAL"))
                .containsExactly("readings.csv:2 column period value \"2026-13\": not a valid month (yyyy-MM)");
    }

    @Test
    void decimalWithCommaIsRejected() {
        assertThat(rejections("readings.csv", Rows.READINGS, "M1,2026-10,2026-10-25,1000,1150,1,\"1,5\",ACTUAL"))
                .containsExactly("readings.csv:2 column consumption_kwh value \"1,5\": "
                        + "not a decimal number (digits, '.' as decimal point)");
    }

    @Test
    void fractionalWholeNumberIsRejected() {
        assertThat(rejections("important_customers.csv", Rows.IMPORTANT_CUSTOMERS, "CU1,FIRST,1.5,Y"))
                .containsExactly("important_customers.csv:2 column supply_sources value \"1.5\": not a whole number");
    }

    @Test
    void booleanOtherThanYOrNIsRejected() {
        assertThat(rejections("important_customers.csv", Rows.IMPORTANT_CUSTOMERS, "CU1,FIRST,2,yes"))
                .containsExactly("important_customers.csv:2 column self_generator value \"yes\": must be Y or N");
    }

    @Test
    void codeOutsideItsListIsRejected() {
        assertThat(rejections("readings.csv", Rows.READINGS, "M1,2026-10,2026-10-25,1000,1150,1,150,actual"))
                .containsExactly("readings.csv:2 column read_type value \"actual\": "
                        + "not one of ACTUAL, REMOTE, ESTIMATED, MISSED");
    }

    @Test
    void meteringClassMustBeARomanNumeralFromOneToFive() {
        assertThat(rejections(
                        "meters.csv",
                        "meter_id,customer_no,meter_kind,metering_class,multiplier,installed_on,status",
                        "M2,CU1,THREE_PHASE,VI,1,2020-05-01,IN_SERVICE",
                        "M3,CU1,THREE_PHASE,V,1,2020-05-01,IN_SERVICE"))
                .containsExactly("meters.csv:2 column metering_class value \"VI\": not one of I, II, III, IV, V");
    }

    @Test
    void textLongerThanItsColumnIsRejected() {
        String code = "U".repeat(33);
        assertThat(rejections("units.csv", Rows.UNITS, code + ",長名,,COMPANY,"))
                .containsExactly("units.csv:2 column unit_code value \"" + code + "\": longer than 32 characters");
    }

    @Test
    void inspectorListWithAnEmptyIdIsRejected() {
        assertThat(rejections("inspections.csv", Rows.INSPECTIONS, "I1,CU1,2026-10-10,ST1;;ST2,PERIODIC,NORMAL"))
                .containsExactly("inspections.csv:2 column inspector_ids value \"ST1;;ST2\": "
                        + "empty id in ';'-separated list");
    }

    @Test
    void rowWithTooFewFieldsIsRejectedAsAWhole() {
        assertThat(rejections("meters.csv", Rows.METERS, "M2,CU1,SMART_SINGLE"))
                .containsExactly("meters.csv:2: row has 3 fields but the header has 6");
    }

    @Test
    void lineNumberCountsPhysicalLinesIncludingQuotedLineBreaks() {
        assertThat(rejections("units.csv", Rows.UNITS, "U1,\"two\nlines\",C1,STATION,", "U2,x,C1,STATIONS,"))
                .containsExactly("units.csv:4 column unit_type value \"STATIONS\": "
                        + "not one of COMPANY, COUNTY, STATION, TEAM");
    }

    // --- references

    @Test
    void customerStationMustBeAKnownUnit() {
        assertThat(rejections("customers.csv", Rows.CUSTOMERS, "CU2,李,RESIDENTIAL,0.22,R1,8,ACTIVE,S9,2020-05-01,15,"))
                .containsExactly("customers.csv:2 column station_code value \"S9\": "
                        + "unknown station unit: not stored and not accepted from this batch");
    }

    @Test
    void customerStationMustBeAStationUnit() {
        assertThat(rejections("customers.csv", Rows.CUSTOMERS, "CU2,李,RESIDENTIAL,0.22,R1,8,ACTIVE,C1,2020-05-01,15,"))
                .containsExactly(
                        "customers.csv:2 column station_code value \"C1\": unit C1 is a Company, not a station");
    }

    @Test
    void customerTariffMustBeKnown() {
        assertThat(rejections("customers.csv", Rows.CUSTOMERS, "CU2,李,RESIDENTIAL,0.22,R9,8,ACTIVE,S1,2020-05-01,15,"))
                .containsExactly("customers.csv:2 column tariff_code value \"R9\": "
                        + "unknown tariff: not stored and not accepted from this batch");
    }

    @Test
    void meterCustomerMustBeKnown() {
        assertThat(rejections("meters.csv", Rows.METERS, "M2,CU9,SMART_SINGLE,1,2020-05-01,IN_SERVICE"))
                .containsExactly("meters.csv:2 column customer_no value \"CU9\": "
                        + "unknown customer: not stored and not accepted from this batch");
    }

    @Test
    void readingMeterMustBeKnown() {
        assertThat(rejections("readings.csv", Rows.READINGS, "M9,2026-10,2026-10-25,1000,1150,1,150,ACTUAL"))
                .containsExactly("readings.csv:2 column meter_id value \"M9\": "
                        + "unknown meter: not stored and not accepted from this batch");
    }

    @Test
    void billCustomerAndTariffMustBeKnown() {
        assertThat(rejections("bills.csv", Rows.BILLS, "B1,CU9,2026-10,R9,150,79.25,79.25,2026-11-01,2026-11-20"))
                .containsExactly(
                        "bills.csv:2 column customer_no value \"CU9\": "
                                + "unknown customer: not stored and not accepted from this batch",
                        "bills.csv:2 column tariff_code value \"R9\": "
                                + "unknown tariff: not stored and not accepted from this batch");
    }

    @Test
    void stepApplicationMustBeKnown() {
        assertThat(rejections("application_steps.csv", Rows.STEPS, "A9,ACCEPT,2026-10-01 09:00:00,"))
                .containsExactly("application_steps.csv:2 column app_no value \"A9\": "
                        + "unknown application: not stored and not accepted from this batch");
    }

    @Test
    void inspectionCustomerMustBeKnown() {
        assertThat(rejections("inspections.csv", Rows.INSPECTIONS, "I1,CU9,2026-10-10,ST1,PERIODIC,NORMAL"))
                .containsExactly("inspections.csv:2 column customer_no value \"CU9\": "
                        + "unknown customer: not stored and not accepted from this batch");
    }

    @Test
    void meterEventMeterMustBeKnown() {
        assertThat(rejections("meter_events.csv", Rows.EVENTS, "E1,M9,FAULT,2026-10-12"))
                .containsExactly("meter_events.csv:2 column meter_id value \"M9\": "
                        + "unknown meter: not stored and not accepted from this batch");
    }

    @Test
    void staffUnitMustBeKnown() {
        assertThat(rejections("staff.csv", Rows.STAFF, "ST1,王五,U9,抄表員"))
                .containsExactly("staff.csv:2 column unit_code value \"U9\": "
                        + "unknown unit: not stored and not accepted from this batch");
    }

    @Test
    void importantCustomerMustBeAKnownCustomer() {
        assertThat(rejections("important_customers.csv", Rows.IMPORTANT_CUSTOMERS, "CU9,FIRST,2,Y"))
                .containsExactly("important_customers.csv:2 column customer_no value \"CU9\": "
                        + "unknown customer: not stored and not accepted from this batch");
    }

    @Test
    void applicationStationMustBeAUnitAndItsCustomerKnownWhenGiven() {
        assertThat(rejections(
                        "applications.csv",
                        Rows.APPLICATIONS,
                        "A2,CU9,李四,LV_INCREASE,S1,2026-10-01 09:00:00,IN_PROGRESS",
                        "A3,,李四,RES_NEW,S9,2026-10-01 09:00:00,IN_PROGRESS",
                        "A4,,李四,RES_NEW,S1,2026-10-01 09:00:00,IN_PROGRESS"))
                .containsExactly(
                        "applications.csv:2 column customer_no value \"CU9\": "
                                + "unknown customer: not stored and not accepted from this batch",
                        "applications.csv:3 column station_code value \"S9\": "
                                + "unknown unit: not stored and not accepted from this batch");
    }

    @Test
    void unitParentMayComeLaterInTheSameFileButMustExist() {
        assertThat(rejections(
                        "units.csv",
                        Rows.UNITS,
                        "T2,營業班,S2,TEAM,BUSINESS",
                        "S2,新供電所,C2,STATION,",
                        "C2,縣公司,C1,COUNTY,",
                        "X1,孤兒,NOPE,TEAM,"))
                .containsExactly("units.csv:5 column parent_code value \"NOPE\": "
                        + "unknown unit: not stored and not accepted from this batch");
        assertThat(Database.count(jdbc, "units")).isEqualTo(6);
    }

    @Test
    void referenceToARejectedFileOfTheSameBatchNamesThatFile() {
        LoadResult result = loader.load(aBatch("test")
                .with("customers.csv", "customer_no,customer_name", "CU2,李")
                .with("meters.csv", Rows.METERS, "M2,CU2,SMART_SINGLE,1,2020-05-01,IN_SERVICE")
                .writeTo(dir));
        assertThat(result.rejections())
                .map(Rejection::describe)
                .containsExactly("meters.csv:2 column customer_no value \"CU2\": "
                        + "unknown customer: not stored, and customers.csv of this batch was rejected");
    }

    @Test
    void referenceToARecordOfAnEarlierFileOfTheSameBatchResolves() {
        LoadResult result = loader.load(aBatch("test")
                .with("customers.csv", Rows.CUSTOMERS, "CU2,李,COMMERCIAL,0.4,R1,50,ACTIVE,S1,2021-01-01,,")
                .with("meters.csv", Rows.METERS, "M2,CU2,THREE_PHASE,1,2021-01-01,IN_SERVICE")
                .writeTo(dir));
        assertThat(result.rejections()).isEmpty();
        assertThat(Database.count(jdbc, "meters")).isEqualTo(2);
    }

    @Test
    void aStoredRejectionKeepsItsPlaceAndGivesItsReasonInChineseOrEnglish() {
        LoadResult result = loader.load(aBatch("zh")
                .with(
                        "readings.csv",
                        Rows.READINGS,
                        "M1,2026-10,2026-10-25,1150,1145,1,-5,ACTUAL",
                        "M9,2026-10,2026-10-25,1000,1150,1,150,ACTUAL",
                        "M1,2026-09,2026-09-25,1000,1150,1,150,GUESS")
                .writeTo(dir));
        List<Rejection> stored = history.get(result.id()).rejections();
        assertThat(stored)
                .extracting(Rejection::file, Rejection::line, Rejection::column, Rejection::value)
                .containsExactly(
                        tuple("readings.csv", 2L, "consumption_kwh", "-5"),
                        tuple("readings.csv", 3L, "meter_id", "M9"),
                        tuple("readings.csv", 4L, "read_type", "GUESS"));
        assertThat(stored)
                .extracting(r -> r.reason(Locale.SIMPLIFIED_CHINESE))
                .containsExactly("应不小于 0", "未知的电能表：库中没有，本批次也未接受", "不是规定的代码之一（实抄、远抄（采集）、估抄、未抄）");
        assertThat(stored)
                .extracting(r -> r.reason(Locale.ENGLISH))
                .containsExactly(
                        "must be >= 0",
                        "unknown meter: not stored and not accepted from this batch",
                        "not one of ACTUAL, REMOTE, ESTIMATED, MISSED");
    }

    // --- ranges and consistency

    @Test
    void negativeConsumptionIsRejectedWithLineAndColumn() {
        assertThat(rejections(
                        "readings.csv",
                        Rows.READINGS,
                        "M1,2026-09,2026-09-25,1000,1150,1,150,ACTUAL",
                        "M1,2026-10,2026-10-25,1150,1145,1,-5,ACTUAL"))
                .containsExactly("readings.csv:3 column consumption_kwh value \"-5\": must be >= 0");
        assertThat(Database.count(jdbc, "readings")).isEqualTo(1);
    }

    @Test
    void zeroMultiplierIsRejected() {
        assertThat(rejections("readings.csv", Rows.READINGS, "M1,2026-10,2026-10-25,1000,1150,0,150,ACTUAL"))
                .containsExactly("readings.csv:2 column multiplier value \"0\": must be > 0");
    }

    @Test
    void readingMustBeTakenWithinItsPeriodOrUpTo31DaysAfter() {
        assertThat(rejections(
                        "readings.csv",
                        Rows.READINGS,
                        "M1,2026-10,2026-09-30,1000,1150,1,150,ACTUAL",
                        "M1,2026-11,2026-12-31,1150,1200,1,50,ACTUAL",
                        "M1,2026-12,2027-02-01,1200,1300,1,100,ACTUAL"))
                .containsExactly(
                        "readings.csv:2 column read_on value \"2026-09-30\": must be within period 2026-10 "
                                + "or at most 31 days after it (2026-10-01 to 2026-12-01)",
                        "readings.csv:4 column read_on value \"2027-02-01\": must be within period 2026-12 "
                                + "or at most 31 days after it (2026-12-01 to 2027-01-31)");
    }

    @Test
    void stepFinishedBeforeItStartedIsRejected() {
        assertThat(rejections(
                        "application_steps.csv",
                        Rows.STEPS,
                        "A1,ACCEPT,2026-10-01 09:00:00,2026-10-01 08:59:59",
                        "A1,SURVEY,2026-10-02 09:00:00,2026-10-02 09:00:00"))
                .containsExactly("application_steps.csv:2 column finished_at value \"2026-10-01 08:59:59\": "
                        + "must not be before started_at 2026-10-01 09:00:00");
    }

    @Test
    void readingDayMustBeFrom1To28() {
        assertThat(rejections(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU2,李,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,0,",
                        "CU3,李,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,29,",
                        "CU4,李,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,28,"))
                .containsExactly(
                        "customers.csv:2 column reading_day value \"0\": must be between 1 and 28",
                        "customers.csv:3 column reading_day value \"29\": must be between 1 and 28");
    }

    @Test
    void fixedRatioMustBeFrom0To100Percent() {
        assertThat(rejections(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU2,李,COMMERCIAL,0.4,R1,50,ACTIVE,S1,2020-05-01,10,100.5",
                        "CU3,李,COMMERCIAL,0.4,R1,50,ACTIVE,S1,2020-05-01,10,100"))
                .containsExactly("customers.csv:2 column fixed_ratio_pct value \"100.5\": must be between 0 and 100");
    }

    @Test
    void suspiciousButWellFormedValuesAreLoaded() {
        LoadResult result = loader.load(aBatch("test")
                .with("readings.csv", Rows.READINGS, "M1,2026-10,2026-10-25,1150,1000,1,0,ESTIMATED")
                .with("bills.csv", Rows.BILLS, "B1,CU1,2026-10,R1,0,0,0,2026-11-01,2026-10-20")
                .writeTo(dir));
        assertThat(result.rejections()).isEmpty();
        assertThat(result.rowsAccepted()).isEqualTo(2);
    }
}
