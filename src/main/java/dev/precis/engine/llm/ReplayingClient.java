package dev.precis.engine.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Recorded answers, so an evaluation of the LLM engine can be run again offline and give the same figures:
 * each request's answer lives in {@code <dir>/<sha256 of instructions, article and attempt>.json}, with the
 * model that wrote it. A request with no recording goes to the real client, when there is one, and its answer
 * is recorded; an answer asked for again (it did not follow the schema) is a request of its own.
 */
public final class ReplayingClient implements LlmClient {

    private final Path dir;
    private final LlmClient live;

    /**
     * @param live the client to ask when nothing is recorded, or null to answer only from recordings
     */
    public ReplayingClient(Path dir, LlmClient live) {
        this.dir = dir;
        this.live = live;
    }

    @Override
    public LlmReply complete(LlmRequest request, Duration timeout) {
        Path recording = dir.resolve(key(request) + ".json");
        try {
            if (Files.exists(recording)) {
                JsonNode saved = Json.parse(Files.readString(recording, StandardCharsets.UTF_8));
                if (!saved.path("output").isObject()) {
                    throw new LlmException(LlmException.Kind.MALFORMED, "the recorded answer holds no JSON object");
                }
                return new LlmReply(saved.get("output"), saved.path("model").asText("recorded"), saved.path("inputTokens").asInt(),
                        saved.path("outputTokens").asInt());
            }
            if (live == null) {
                throw new LlmException(LlmException.Kind.REFUSED, "no recorded answer for this article in " + dir);
            }
            LlmReply reply = live.complete(request, timeout);
            ObjectNode saved = Json.MAPPER.createObjectNode().put("model", reply.model())
                    .put("inputTokens", reply.inputTokens()).put("outputTokens", reply.outputTokens());
            saved.set("output", reply.output());
            Files.createDirectories(dir);
            Files.writeString(recording, Json.write(saved), StandardCharsets.UTF_8);
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String key(LlmRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{request.system(), request.user(), Integer.toString(request.attempt())}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
