package dev.precis.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the stack as {@code cdk synth} would, from context, with a stand-in function.zip. */
final class StackFixture {

    private StackFixture() {
    }

    static PrecisStack stack(Map<String, Object> extraContext) {
        Map<String, Object> context = new HashMap<>(cdkJsonContext());
        context.putAll(extraContext);
        context.putIfAbsent("functionZip", standInZip().toString());
        App app = new App(AppProps.builder().context(context).build());
        DeploymentSettings settings = DeploymentSettings.fromContext(app.getNode()::tryGetContext);
        return new PrecisStack(app, "Precis", StackProps.builder().build(), settings);
    }

    /** cdk.json's context, as {@code cdk synth} starts from it: its defaults and feature flags. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> cdkJsonContext() {
        try {
            Map<String, Object> cdkJson = new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class);
            Map<String, Object> context = new HashMap<>((Map<String, Object>) cdkJson.get("context"));
            context.remove("functionZip");
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack is about wiring, not about the function's bytes: any zip serves as its code asset. */
    private static Path standInZip() {
        try {
            Path zip = Files.createTempFile("function", ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("README.txt"));
                out.write("stand-in for target/function.zip".getBytes());
                out.closeEntry();
            }
            zip.toFile().deleteOnExit();
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
