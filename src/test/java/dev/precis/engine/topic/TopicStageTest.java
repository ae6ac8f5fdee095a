package dev.precis.engine.topic;

import dev.precis.api.Brief;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicStageTest {

    @Test
    void sportStoryIsSport() {
        Brief brief = EngineFixture.analyze("United win the cup",
                "The team won the cup final after the striker scored two goals. The coach praised the players and the fans.");
        assertThat(brief.topics().get(0).label()).isEqualTo("sport");
        assertThat(brief.topics().get(0).id()).isEqualTo("medtop:15000000");
    }

    @Test
    void electionStoryIsPolitics() {
        Brief brief = EngineFixture.analyze(null,
                "Voters backed the opposition party in the election. The minister conceded and parliament will meet.");
        assertThat(brief.topics().get(0).label()).isEqualTo("politics");
    }

    @Test
    void textWithoutSignalsHasNoTopics() {
        assertThat(EngineFixture.analyze(null, "Blue green yellow.").topics()).isEmpty();
    }

    @Test
    void commonWordsThatMerelyStartLikeASignalWordAreNoSignals() {
        // "authorities" is not "author", "operation" not "opera", "started" not "star", "warned" not "war",
        // "carried" not "car", "showed" not "show", "winter" not "win".
        Brief brief = EngineFixture.analyze(null, "Authorities warned that the operation started in winter. "
                + "Officers carried boxes and showed the findings to authorities.");
        assertThat(brief.topics()).extracting(Brief.Topic::label)
                .doesNotContain("arts, culture, entertainment and media", "conflict, war and peace",
                        "economy, business and finance", "sport");
    }
}
