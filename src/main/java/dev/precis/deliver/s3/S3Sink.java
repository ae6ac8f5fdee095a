package dev.precis.deliver.s3;

import dev.precis.api.Brief;
import dev.precis.api.Json;
import dev.precis.deliver.Delivery;
import dev.precis.deliver.DeliveryContext;
import dev.precis.deliver.DeliveryResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One S3 object per brief (SPEC §13) at {@code <prefix>/<yyyy>/<mm>/<dd>/<id>/<content hash>.json}: the date
 * is the article's publication date (today's, UTC, when it has none), so the same article analyzed twice
 * lands on the same key and a rerun overwrites rather than duplicates. Objects are encrypted at rest, with
 * the bucket's KMS key when one is configured, else S3-managed keys.
 */
public final class S3Sink implements Delivery {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String kmsKey;
    private final Clock clock;

    public S3Sink(S3Client s3, String bucket, String prefix, String kmsKey, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        this.kmsKey = kmsKey;
        this.clock = clock;
    }

    @Override
    public String target() {
        return "s3";
    }

    @Override
    public DeliveryResult deliver(Brief brief, DeliveryContext context) {
        String key = key(brief, context);
        PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/json");
        if (kmsKey != null) {
            request.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKey);
        } else {
            request.serverSideEncryption(ServerSideEncryption.AES256);
        }
        try {
            s3.putObject(request.build(), RequestBody.fromBytes(Json.write(brief).getBytes(StandardCharsets.UTF_8)));
            return new DeliveryResult(target(), DeliveryResult.DELIVERED, "s3://" + bucket + "/" + key);
        } catch (SdkException e) {
            return new DeliveryResult(target(), DeliveryResult.FAILED, "S3 refused the object (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The object key: idempotent for one article, and safe whatever characters its id holds. */
    public String key(Brief brief, DeliveryContext context) {
        LocalDate date = published(brief);
        String hash = brief.contentHash().substring(brief.contentHash().indexOf(':') + 1);
        String id = brief.id() != null ? brief.id() : context.itemId() != null ? context.itemId() : hash.substring(0, 16);
        String path = String.format("%04d/%02d/%02d/%s/%s.json", date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                safe(id), hash);
        return prefix.isEmpty() ? path : prefix + "/" + path;
    }

    private LocalDate published(Brief brief) {
        String published = brief.source() == null ? null : brief.source().publishedAt();
        if (published != null) {
            try {
                return OffsetDateTime.parse(published).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(published.substring(0, Math.min(10, published.length())));
                } catch (DateTimeParseException notADate) {
                    // fall through to today
                }
            }
        }
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Letters, digits and {@code - _ .} stay; anything else (slashes, spaces, Unicode) is percent-escaped. */
    static String safe(String id) {
        StringBuilder out = new StringBuilder();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.') && !(c == '.' && out.length() == 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        String safe = out.toString();
        return safe.length() > 200 ? safe.substring(0, 200) : safe;
    }
}
