package dev.precis.engine.entity;

import dev.precis.api.Brief;
import dev.precis.engine.EngineFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EntityStageTest {

    private static Map<String, Brief.Entity> entities(String text) {
        return EngineFixture.analyze(null, text).entities().stream()
                .collect(Collectors.toMap(Brief.Entity::name, e -> e));
    }

    @Test
    void surnamesMergeIntoTheFullNameAsAliases() {
        Map<String, Brief.Entity> entities = entities("Greta Lindqvist opened the plant in Sweden on Friday. "
                + "Lindqvist said the plant would hire 300 people. Critics doubted Lindqvist.");
        assertThat(entities).containsKeys("Greta Lindqvist", "Sweden").doesNotContainKey("Lindqvist");
        Brief.Entity person = entities.get("Greta Lindqvist");
        assertThat(person.type()).isEqualTo("PERSON");
        assertThat(person.aliases()).containsExactly("Lindqvist");
        assertThat(person.mentions()).isEqualTo(3);
        assertThat(entities.get("Sweden").type()).isEqualTo("LOCATION");
    }

    @Test
    void titlesAreCuesNotPartOfTheName() {
        Map<String, Brief.Entity> entities = entities("Finance Minister Odile Marchetti met bankers. The talks ran late.");
        assertThat(entities).containsKey("Odile Marchetti");
        assertThat(entities.get("Odile Marchetti").type()).isEqualTo("PERSON");
    }

    @Test
    void organizationSuffixesGazetteersAndPossessivesAreUsed() {
        Map<String, Brief.Entity> entities = entities("Northwind Holdings shares fell after NATO's summit in Brussels. "
                + "The Ministry of Health in Kenya said little.");
        assertThat(entities.get("Northwind Holdings").type()).isEqualTo("ORGANIZATION");
        assertThat(entities.get("NATO").type()).isEqualTo("ORGANIZATION");
        assertThat(entities.get("Brussels").type()).isEqualTo("LOCATION");
        assertThat(entities.get("Kenya").type()).isEqualTo("LOCATION");
        assertThat(entities.get("Ministry of Health").type()).isEqualTo("ORGANIZATION");
    }

    @Test
    void sentenceOpenersMonthsAndNationalitiesAreNotEntities() {
        Map<String, Brief.Entity> entities = entities("In March the Italian government met. However the talks failed. "
                + "Officials met again in Rome.");
        assertThat(entities.keySet()).containsExactly("Rome");
    }

    @Test
    void knownNamesSurviveOpeningStopwordsAndEventsAreNotEntities() {
        Map<String, Brief.Entity> entities = entities("New Zealand won the World Cup on Sunday. Fans cheered in Auckland.");
        assertThat(entities.keySet()).containsExactlyInAnyOrder("New Zealand", "Auckland");
        assertThat(entities.get("New Zealand").type()).isEqualTo("LOCATION");
    }

    @Test
    void nationalitiesCountForACountryTheTextNames() {
        Map<String, Brief.Entity> named = entities("Kenyan officials met in Nairobi. Kenya will host the talks.");
        assertThat(named.get("Kenya").mentions()).isEqualTo(2);
        assertThat(named.get("Kenya").aliases()).isEmpty();
        assertThat(entities("Kenyan officials met in Nairobi on Monday.")).doesNotContainKey("Kenya");
    }

    @Test
    void shoutedHeadlinesDoNotInventEntities() {
        Map<String, Brief.Entity> entities = entities("STORMS BATTER COAST AS TOWNS BRACE FOR MORE. Rain fell in Lisbon.");
        assertThat(entities.keySet()).containsExactly("Lisbon");
    }

    @Test
    void spansPointAtTheMentions() {
        Brief brief = EngineFixture.analyze(null, "Talks in Oslo ended. Oslo hosted them again.");
        Brief.Entity oslo = brief.entities().get(0);
        assertThat(oslo.spans()).allSatisfy(span -> assertThat(brief.text().substring(span.start(), span.end())).isEqualTo("Oslo"));
    }

    @Test
    void namesWithScoresInAResultsTableAreTeamsAndNationalSidesStayPlaces() {
        Map<String, Brief.Entity> entities = entities("Results of Saturday's matches.\n"
                + "Millwall 2 Burnley 1.\nBoston 0 Leeds 3.\nScotland 1 England 0.\nNew Zealand 24 South Africa 18.\n"
                + "Glamorgan 259 ( A. Dale 69 , H. Morris 50 ) , Durham 114.");
        for (String team : new String[]{"Millwall", "Burnley", "Boston", "Leeds", "Glamorgan", "Durham"}) {
            assertThat(entities.get(team).type()).as(team).isEqualTo("ORGANIZATION");
        }
        for (String country : new String[]{"Scotland", "England", "New Zealand", "South Africa"}) {
            assertThat(entities.get(country).type()).as(country).isEqualTo("LOCATION");
        }
        assertThat(entities.get("A. Dale").type()).isEqualTo("PERSON");
    }

    @Test
    void initialsBelongToTheNameAndMarkAPerson() {
        Map<String, Brief.Entity> entities = entities("The inquiry was led by Judge R. Kettleborough of Leeds. "
                + "Kettleborough said the report would be published in May. J. Okafor Mensah agreed.");
        assertThat(entities).containsKeys("R. Kettleborough", "J. Okafor Mensah").doesNotContainKey("Kettleborough");
        assertThat(entities.get("R. Kettleborough").type()).isEqualTo("PERSON");
        assertThat(entities.get("R. Kettleborough").aliases()).containsExactly("Kettleborough");
    }

    @Test
    void aPersonOfAPlaceIsTwoNamesWhileAnOrganizationOfAPlaceIsOne() {
        Map<String, Brief.Entity> entities = entities("Analyst Martin Olsen of Northwind Holdings said the Bank of England "
                + "would hold rates. Olsen expects a cut in spring.");
        assertThat(entities).containsKeys("Martin Olsen", "Northwind Holdings", "Bank of England");
        assertThat(entities.get("Martin Olsen").type()).isEqualTo("PERSON");
        assertThat(entities.get("Northwind Holdings").type()).isEqualTo("ORGANIZATION");
    }

    @Test
    void aWordThatOnlyEverOpensSentencesIsNotGuessedToBeAName() {
        Map<String, Brief.Entity> entities = entities("Turnover rose by a tenth in the year. Margins held firm. "
                + "Turnover in the north fell. Margins there were thinner.");
        assertThat(entities).doesNotContainKeys("Turnover", "Margins");
    }
}
