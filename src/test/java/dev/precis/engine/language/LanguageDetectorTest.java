package dev.precis.engine.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The mayor said that the bridge would open in the spring, after the repairs are finished.
            es | El alcalde dijo que el puente se abrirá en la primavera, cuando terminen las obras.
            fr | Le maire a dit que le pont ouvrira au printemps, après la fin des travaux dans la ville.
            de | Der Bürgermeister sagte, dass die Brücke im Frühling nach den Arbeiten wieder geöffnet wird.
            it | Il sindaco ha detto che il ponte sarà aperto in primavera, dopo la fine dei lavori.
            pt | O prefeito disse que a ponte será aberta na primavera, depois do fim das obras na cidade.
            nl | De burgemeester zei dat de brug in het voorjaar weer open gaat, na de werkzaamheden.
            ru | Мэр сказал, что мост откроется весной, после окончания ремонта.
            ar | قال رئيس البلدية إن الجسر سيفتح في الربيع بعد انتهاء الأعمال.
            he | ראש העיר אמר שהגשר ייפתח באביב אחרי סיום העבודות.
            zh | 市长说，大桥将在春天维修完成后重新开放。
            ja | 市長は、橋は春に工事が終わった後に再開すると述べた。
            """)
    void tellsTheLanguage(String expected, String text) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"'12 345 !!!'", "'Xq'"})
    void saysUndeterminedWhenThereIsTooLittle(String text) {
        assertThat(detector.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
