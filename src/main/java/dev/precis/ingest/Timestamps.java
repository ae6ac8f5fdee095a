package dev.precis.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates as pages and CMSs write them, read into RFC 3339 where they are precise enough: with an offset as
 * given, a local time or a date as written. Anything else is left out rather than guessed.
 */
public final class Timestamps {

    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XX][X]").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Timestamps() {
    }

    /** RFC 3339 (or a local date-time or date as written), or null when the value is not a date. */
    public static String rfc3339(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // other shapes below
        }
        try {
            return OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // other shapes below
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            // other shapes below
        }
        try {
            return LocalDateTime.parse(text).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            // other shapes below
        }
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The instant a date stands for, reading a time without an offset, or a bare date (its midnight), as
     * UTC; null when the value is not a date.
     */
    public static java.time.Instant instant(String value) {
        String text = rfc3339(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // local forms below
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /**
     * A {@code yyyy-MM-dd HH:mm:ss} time known to be UTC (WordPress's {@code *_gmt} fields) as RFC 3339; the
     * all-zero date WordPress writes for drafts, or anything else, is null.
     */
    public static String utcLocal(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), SPACE_SEPARATED).atOffset(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return rfc3339(value.replace(' ', 'T'));
        }
    }
}
