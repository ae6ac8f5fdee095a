package dev.precis.engine.text;

import dev.precis.api.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormatDetectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The council met on Monday. Fees rise 5% & more next year.                        | TEXT
            Prices rose <br> again.                                                          | HTML
            Prices rose again.</P>                                                           | HTML
            Tom &amp; Jerry returned.                                                        | HTML
            Use a < b and c > d in the formula.                                              | TEXT
            # Budget\\n\\nThe **council** approved it.                                       | MARKDOWN
            The [budget](https://example.org) passed.\\n- first item                          | MARKDOWN
            A lone **bold** word is no document format.                                      | TEXT
            Dates such as 2024. Not a list\\n12. Twelve items                                 | TEXT
            Lines\\n12. Twelve items\\n13. Thirteen items                                     | MARKDOWN
            snake_case and __init__ and __main__                                             | MARKDOWN
            Intro\\r# Budget\\r- first item                                                  | MARKDOWN
            Intro\\u2028# Budget\\u2028- first item                                          | MARKDOWN
            """)
    void recognizesTheFormatFromItsSigns(String body, Format expected) {
        assertThat(FormatDetector.detect(body.strip().replace("\\n", "\n").replace("\\r", "\r").replace("\\u2028", "\u2028"))).isEqualTo(expected);
    }
}
