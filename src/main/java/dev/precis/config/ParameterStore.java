package dev.precis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.api.Json;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Reads one SecureString from SSM Parameter Store: a single signed {@code AmazonSSM.GetParameter} call made
 * with the SDK's own credentials chain, SigV4 signer and HTTP client. The SDK's SSM module would add 6 MB
 * to the function for this one call.
 */
final class ParameterStore {

    private static final String TARGET = "AmazonSSM.GetParameter";

    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();

    String get(String name) {
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        ObjectNode query = Json.MAPPER.createObjectNode().put("Name", name).put("WithDecryption", true);
        byte[] body = Json.write(query).getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint(region))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] answer;
            try (InputStream in = response.responseBody().orElseThrow(() -> new IOException("empty answer"))) {
                answer = in.readAllBytes();
            }
            if (!response.httpResponse().isSuccessful()) {
                throw new IllegalStateException("Parameter Store answered HTTP " + response.httpResponse().statusCode());
            }
            JsonNode value = Json.MAPPER.readTree(answer).path("Parameter").path("Value");
            if (!value.isTextual()) {
                throw new IllegalStateException("Parameter Store's answer holds no value");
            }
            return value.textValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Parameter Store could not be reached", e);
        }
    }

    /** The regional endpoint, or the one the SDK's own settings name ({@code AWS_ENDPOINT_URL[_SSM]}). */
    private static URI endpoint(Region region) {
        for (String value : new String[] {System.getProperty("aws.endpointUrlSsm"), System.getenv("AWS_ENDPOINT_URL_SSM"),
                System.getProperty("aws.endpointUrl"), System.getenv("AWS_ENDPOINT_URL")}) {
            if (value != null && !value.isBlank()) {
                return URI.create(value.strip());
            }
        }
        return URI.create("https://ssm." + region.id() + "." + region.metadata().partition().dnsSuffix());
    }
}
