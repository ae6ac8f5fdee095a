package dev.precis.deliver.cms;

import dev.precis.api.Json;
import dev.precis.api.PrecisSignature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The short-lived JWT Ghost's Admin API takes: the admin key is {@code <id>:<secret in hex>}; the token is
 * HS256-signed with the decoded secret, names the key id in {@code kid} and the audience {@code /admin/},
 * and lives five minutes.
 */
final class GhostAdminToken {

    private static final long LIFETIME_SECONDS = 300;

    private GhostAdminToken() {
    }

    static String create(String adminKey, Instant now) {
        int colon = adminKey.indexOf(':');
        if (colon <= 0 || colon == adminKey.length() - 1) {
            throw new IllegalArgumentException("precis.cms.ghost.admin-key must be <id>:<secret>, as Ghost shows it");
        }
        String id = adminKey.substring(0, colon);
        byte[] secret = HexFormat.of().parseHex(adminKey.substring(colon + 1));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        header.put("kid", id);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        claims.put("aud", "/admin/");
        String unsigned = base64Url(Json.write(header)) + "." + base64Url(Json.write(claims));
        byte[] signature = PrecisSignature.hmacSha256(secret, unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
