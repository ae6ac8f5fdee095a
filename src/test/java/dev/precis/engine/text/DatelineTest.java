package dev.precis.engine.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatelineTest {

    private static String strip(String sentence) {
        return Dateline.strip(sentence, new TextSpan(0, sentence.length())).of(sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(CNN) Ferry crews in Valmora walked out on Monday. | Ferry crews in Valmora walked out on Monday.",
            "LONDON (Reuters) - Shares in Northwind fell sharply on Tuesday. | Shares in Northwind fell sharply on Tuesday.",
            "Orsa, Lindmark (Wire News) Rescue teams reached the village overnight. | Rescue teams reached the village overnight.",
            "LONDON, May 3 (Reuters) - The pound rose against the dollar. | The pound rose against the dollar.",
            "WASHINGTON — The Senate passed the harbour bill late on Friday. | The Senate passed the harbour bill late on Friday.",
            "WASHINGTON, D.C. - The Senate passed the harbour bill late on Friday. | The Senate passed the harbour bill late on Friday.",
            "MEMPHIS, Tenn. – A cemetery owner was charged on Friday. | A cemetery owner was charged on Friday.",
            "ORSA, Lindmark - Media in Lindmark say the ferry will stop. | Media in Lindmark say the ferry will stop.",
            "PORT LIND, New Valmora - Rescue teams reached the village. | Rescue teams reached the village.",
    })
    void aWireDatelineIsNotPartOfTheSummarySentence(String sentence, String expected) {
        assertThat(strip(sentence)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Northwind (NWH) shares rose 3% on Monday after the results.",
            "President Marchetti (pictured) opened the bridge on Sunday.",
            "The ferry between Orsa and Lind will stop running in March.",
            "(CNN)Too short.",
            // A credit glued to the first word is how one archive stored its text, not how news is written.
            "(Wire News)Ferry crews in Valmora walked out on Monday.",
            "Shares in Northwind (NWH) - the ferry operator - fell 3% on Monday.",
            "US - China talks resumed on Monday after a pause.",
            "Memphis, Tenn. - a city on the river - grew again last year.",
            "NATO, Russia - talks resumed on Monday after a pause.",
    })
    void otherOpeningsAreKept(String sentence) {
        assertThat(strip(sentence)).isEqualTo(sentence);
    }
}
