package org.feedmerge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedDateTest {

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(nullValues = "NULL", delimiter = '|', value = {
            // RFC 3339 / ISO 8601 / W3CDTF
            "2006-01-02T15:04:05Z                 | 2006-01-02T15:04:05Z",
            "2006-01-02t15:04:05z                 | 2006-01-02T15:04:05Z",
            "2006-01-02T15:04:05+01:00            | 2006-01-02T14:04:05Z",
            "2006-01-02T15:04:05-0530             | 2006-01-02T20:34:05Z",
            "2006-01-02T15:04:05+01               | 2006-01-02T14:04:05Z",
            "2006-01-02T15:04:05.250Z             | 2006-01-02T15:04:05.250Z",
            "2006-01-02T15:04:05.123456Z          | 2006-01-02T15:04:05.123456Z",
            "2006-01-02T15:04:05,5Z               | 2006-01-02T15:04:05.500Z",
            "2006-01-02T15:04:05                  | 2006-01-02T15:04:05Z",
            "2006-01-02T15:04                     | 2006-01-02T15:04:00Z",
            "2006-01-02 15:04:05                  | 2006-01-02T15:04:05Z",
            "2006-01-02 15:04:05 +0100            | 2006-01-02T14:04:05Z",
            "2006-01-02 15:04:05 UTC              | 2006-01-02T15:04:05Z",
            "20060102T150405Z                     | 2006-01-02T15:04:05Z",
            "2006-01-02                           | 2006-01-02T00:00:00Z",
            "2006-01                              | 2006-01-01T00:00:00Z",
            "2006                                 | 2006-01-01T00:00:00Z",
            "'  2006-01-02T15:04:05Z  '           | 2006-01-02T15:04:05Z",
            // RFC 822 / 2822 and what is written instead
            "Mon, 02 Jan 2006 15:04:05 GMT        | 2006-01-02T15:04:05Z",
            "Mon, 2 Jan 2006 15:04:05 EST         | 2006-01-02T20:04:05Z",
            "Sun, 02 Jul 2006 15:04:05 PDT        | 2006-07-02T22:04:05Z",
            "Mon, 02 Jan 2006 15:04:05 CEST       | 2006-01-02T13:04:05Z",
            "Mon, 02 Jan 2006 15:04:05 +0000 (UTC) | 2006-01-02T15:04:05Z",
            "Mon, 02 Jan 2006 15:04:05 +01:00     | 2006-01-02T14:04:05Z",
            "Mon, 02 Jan 2006 15:04:05 GMT+0200   | 2006-01-02T13:04:05Z",
            "Mon, 02 Jan 2006 15:04:05            | 2006-01-02T15:04:05Z",
            "Mon, 02 Jan 2006 15:04:05 Z          | 2006-01-02T15:04:05Z",
            "Mon, 02 Jan 2006 15:04:05 A          | 2006-01-02T15:04:05Z",
            "Mon,02 Jan 2006 15:04:05 GMT         | 2006-01-02T15:04:05Z",
            "Monday, 02 January 2006 15:04:05 GMT | 2006-01-02T15:04:05Z",
            "02 Jan 2006 15:04 -0500              | 2006-01-02T20:04:00Z",
            "02-Jan-2006 15:04:05 GMT             | 2006-01-02T15:04:05Z",
            "Mon, 02 Jan 06 15:04:05 GMT          | 2006-01-02T15:04:05Z",
            "Sat, 02 Jan 99 15:04:05 GMT          | 1999-01-02T15:04:05Z",
            "Mon, 02 Jan 2006 3:04:05 PM GMT      | 2006-01-02T15:04:05Z",
            "Mon, 02 Jan 2006 12:04:05 AM GMT     | 2006-01-02T00:04:05Z",
            "Mon, 02 Sept 2006 15:04:05 GMT       | 2006-09-02T15:04:05Z",
            "02 Jan 2006                          | 2006-01-02T00:00:00Z",
            "Mon, 02 Jan 2006 23:59:60 GMT        | 2006-01-02T23:59:59Z",
            // asctime / Date.toString(), month first
            "Mon Jan 02 15:04:05 UTC 2006         | 2006-01-02T15:04:05Z",
            "Mon Jan  2 15:04:05 2006             | 2006-01-02T15:04:05Z",
            "Mon Jan 02 15:04:05 PST 2006         | 2006-01-02T23:04:05Z",
            "January 2, 2006                      | 2006-01-02T00:00:00Z",
            "Jan 2nd, 2006 3:04 PM                | 2006-01-02T15:04:00Z",
            // garbage is null, never now
            "NULL                                 | NULL",
            "''                                   | NULL",
            "yesterday                            | NULL",
            "2006-13-45T99:99:99Z                 | NULL",
            "Mon, 32 Jan 2006 15:04:05 GMT        | NULL",
            "Mon, 02 Foo 2006 15:04:05 GMT        | NULL",
            "2006-01-02T15:04:05+99:00            | NULL",
            "12345678901234567890                 | NULL"})
    void parse(String text, String expected) {
        assertThat(FeedDate.parse(text)).isEqualTo(expected == null ? null : Instant.parse(expected));
    }
}
