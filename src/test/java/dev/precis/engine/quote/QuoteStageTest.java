package dev.precis.engine.quote;

import dev.precis.api.Brief;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class QuoteStageTest {

    @Test
    void attributesQuotesAfterBeforeAndByPronoun() {
        String text = """
                Mayor Ines Albarran opened the bridge on Sunday. "This bridge joins two halves of our city," Albarran said.

                The engineer Tomas Reyes, who led the works, said: “We finished a month early and under budget.”

                "It will carry forty thousand cars a day," he added.""";
        Brief brief = EngineFixture.analyze(null, text);
        List<Brief.Quote> quotes = brief.quotes();
        assertThat(quotes).extracting(Brief.Quote::speaker, Brief.Quote::text).containsExactly(
                tuple("Ines Albarran", "This bridge joins two halves of our city"),
                tuple("Tomas Reyes", "We finished a month early and under budget."),
                tuple("Tomas Reyes", "It will carry forty thousand cars a day"));
        assertThat(quotes).allSatisfy(q -> assertThat(brief.text().substring(q.start(), q.end())).isEqualTo(q.text()));
    }

    @Test
    void shortScareQuotesAreNotQuotations() {
        assertThat(EngineFixture.analyze(null, "The plan was called \"bold\" by critics.").quotes()).isEmpty();
    }
}
