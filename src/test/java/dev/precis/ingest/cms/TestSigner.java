package dev.precis.ingest.cms;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs test deliveries the way each sender does (../shared/cms/SIGNATURES.md), written apart from the
 * verifiers so a test signs with one implementation and checks with the other.
 */
public final class TestSigner {

    private TestSigner() {
    }

    public static Map<String, String> ghost(String secret, byte[] body, long millis) {
        String mac = HexFormat.of().formatHex(hmac(secret, concat(body, Long.toString(millis).getBytes(StandardCharsets.US_ASCII))));
        return Map.of("Content-Type", "application/json", "X-Ghost-Signature", "sha256=" + mac + ", t=" + millis);
    }

    public static Map<String, String> wordpress(String secret, byte[] body, String trigger) {
        return Map.of("Content-Type", "application/json; charset=UTF-8", "X-WP-Webhook-Name", trigger,
                "X-WP-Webhook-Signature", Base64.getEncoder().encodeToString(hmac(secret, body)));
    }

    public static Map<String, String> sanity(String secret, byte[] body, long millis, String operation) {
        String mac = Base64.getUrlEncoder().withoutPadding().encodeToString(
                hmac(secret, concat((millis + ".").getBytes(StandardCharsets.US_ASCII), body)));
        return Map.of("Content-Type", "application/json", "sanity-operation", operation,
                "sanity-webhook-signature", "t=" + millis + ",v1=" + mac);
    }

    public static Map<String, String> strapi(String token, String event) {
        return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token, "X-Strapi-Event", event);
    }

    public static Map<String, String> generic(String secret, byte[] body, long seconds) {
        String mac = HexFormat.of().formatHex(hmac(secret, concat((seconds + ".").getBytes(StandardCharsets.US_ASCII), body)));
        return Map.of("Content-Type", "application/json", "Precis-Signature", "t=" + seconds + ",v1=" + mac);
    }

    /** Contentful signs the method, the path, the listed headers (sorted) and the body. */
    public static Map<String, String> contentful(String secret, String method, String path, byte[] body, long millis, String topic) {
        Map<String, String> signed = new TreeMap<>();
        signed.put("x-contentful-topic", topic);
        signed.put("x-contentful-timestamp", Long.toString(millis));
        signed.put("x-contentful-signed-headers", "x-contentful-signed-headers,x-contentful-timestamp,x-contentful-topic");
        StringBuilder headers = new StringBuilder();
        signed.forEach((name, value) -> headers.append(headers.length() == 0 ? "" : ";").append(name).append(':').append(value));
        String canonical = method + "\n" + path + "\n" + headers + "\n";
        String mac = HexFormat.of().formatHex(hmac(secret, concat(canonical.getBytes(StandardCharsets.UTF_8), body)));
        Map<String, String> all = new LinkedHashMap<>(signed);
        all.put("x-contentful-signature", mac);
        all.put("Content-Type", "application/vnd.contentful.management.v1+json");
        return all;
    }

    private static byte[] hmac(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
