package dev.precis;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The project's shared folder (../shared), which tests read from but never copy into the repo. */
public final class SharedData {

    private SharedData() {
    }

    /** The path of a shared file; the calling test is skipped, saying why, when it is not there. */
    public static Path require(String relative) {
        Path path = Path.of("..", "shared").resolve(relative);
        assumeTrue(Files.isRegularFile(path),
                "skipped: ../shared/" + relative + " is not present (tests that use shared data need ../shared beside the repo)");
        return path;
    }
}
