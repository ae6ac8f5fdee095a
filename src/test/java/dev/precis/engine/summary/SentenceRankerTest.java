package dev.precis.engine.summary;

import dev.precis.api.ArticleOptions;
import dev.precis.api.ArticleRequest;
import dev.precis.api.Brief;
import dev.precis.api.Format;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceRankerTest {

    private static List<String> summary(String title, String body, int sentences) {
        Brief brief = EngineFixture.ENGINE.analyze(new ArticleRequest(null, title, body, Format.TEXT, null, "en", null,
                new ArticleOptions(sentences, 3, 10, "embedded", false)));
        return brief.summary().sentences().stream().map(Brief.SummarySentence::text).toList();
    }

    @Test
    void aSentenceThatRepeatsAChosenOneFallsBehind() {
        String body = "The river ferry between Orsa and Lind will stop running in March after sixty years. "
                + "The ferry between Orsa and Lind will stop running in March, after sixty years of service. "
                + "A new bridge, paid for by the region, will carry cars and cyclists across the river instead. "
                + "Residents of Lind said they would miss the crossing.";
        List<String> chosen = summary("Ferry to stop as bridge opens", body, 2);
        assertThat(chosen).hasSize(2);
        assertThat(chosen.stream().filter(s -> s.contains("will stop running in March"))).hasSize(1);
    }

    @Test
    void shortFragmentsAndQuestionsAreAvoided() {
        String body = "Why now? The regional council voted on Monday to close three rural schools next summer. "
                + "Parents said the closures would force children to travel an hour each way. "
                + "Officials said falling pupil numbers left the council no choice. Really.";
        List<String> chosen = summary(null, body, 2);
        assertThat(chosen).noneMatch(s -> s.equals("Why now?") || s.equals("Really."));
    }

    @Test
    void theSummaryKeepsArticleOrder() {
        String body = "First the storm closed the port. Then the wind brought down power lines across the north. "
                + "Engineers restored power to most homes by Sunday evening. The port reopened on Monday morning.";
        List<String> chosen = summary("Storm closes port and cuts power", body, 3);
        assertThat(chosen).isSortedAccordingTo((a, b) -> Integer.compare(body.indexOf(a), body.indexOf(b)));
    }

    @Test
    void theSentenceTheStoryGoesOnToElaborateOutranksOneThatOnlyRepeatsIt() {
        String lead = "The harbour board approved a new ferry terminal for Port Avel on Monday.";
        String recap = "So Port Avel gets its new ferry terminal, as the harbour board approved.";
        String story = lead + " The ferry terminal will have four berths and a waiting hall."
                + " The harbour board said building would start in the spring."
                + " Ferry operators welcomed the terminal, which replaces a pier built in 1910."
                + " Port Avel has waited twenty years for a new terminal. " + recap;
        assertThat(summary(null, story, 1)).containsExactly(lead);
    }

    @Test
    void withNothingElseToChooseByTheOpeningSentenceLeads() {
        String story = "Dock workers in Port Avel walked out on Monday. Cranes stood idle along the quay. "
                + "Ships waited outside the harbour wall. Union leaders meet again on Friday.";
        assertThat(summary(null, story, 1)).containsExactly("Dock workers in Port Avel walked out on Monday.");
    }

    @Test
    void anUnattributedQuotationLosesToTheSameWordsReported() {
        String body = "Voters in Lind backed the new tram line in a referendum on Sunday. "
                + "\"The tram line will link Lind to the harbour within three years.\" "
                + "The tram line will link Lind to the harbour within three years, the mayor said. "
                + "Turnout was low.";
        assertThat(summary(null, body, 3)).doesNotContain("\"The tram line will link Lind to the harbour within three years.\"");
    }

    @Test
    void aListThatLostItsPunctuationIsNotASummarySentence() {
        StringBuilder list = new StringBuilder("Winners at the theatre awards included");
        for (int i = 1; i <= 20; i++) {
            list.append(" - best theatre award ").append(i).append(" to the theatre company");
        }
        String body = "The theatre awards were handed out in London on Sunday night. " + list + ". "
                + "The theatre company of the year award went to a touring group from Leeds. "
                + "Organisers said theatre audiences had grown for the third year running.";
        assertThat(summary("Theatre awards", body, 2)).noneMatch(s -> s.startsWith("Winners at the theatre awards"));
    }
}
