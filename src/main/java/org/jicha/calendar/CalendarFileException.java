package org.jicha.calendar;

/** The calendar data file is malformed; the message names the file and line. */
public class CalendarFileException extends RuntimeException {

    public CalendarFileException(String message) {
        super(message);
    }
}
