package dev.precis.config;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets named as {@code secretsmanager:} and {@code ssm:} are read from AWS (WireMock stands in for both
 * endpoints), once per container and only when first used; plain values are used as they are.
 */
class SecretsTest {

    private static WireMockServer aws;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
        System.setProperty("aws.endpointUrl", "http://127.0.0.1:" + aws.port());
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("\"precis/ghost\"")).willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Name\":\"precis/ghost\",\"SecretString\":\"from-secrets-manager\"}")));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("\"precis/all\"")).willReturn(aResponse()
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Name\":\"precis/all\",\"SecretString\":\"{\\\"strapi\\\":\\\"from-a-json-secret\\\"}\"}")));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Parameter\":{\"Name\":\"/precis/wp\",\"Value\":\"from-parameter-store\"}}")));
    }

    @AfterAll
    static void stop() {
        aws.stop();
        for (String key : new String[] {"aws.endpointUrl", "aws.region", "aws.accessKeyId", "aws.secretAccessKey"}) {
            System.clearProperty(key);
        }
    }

    @Test
    void namedSecretsAreReadOnceOnFirstUse() {
        aws.resetRequests();
        Secrets secrets = new Secrets();
        Supplier<String> ghost = secrets.value("precis.webhooks.ghost.secret", "secretsmanager:precis/ghost");
        assertThat(aws.getAllServeEvents()).isEmpty();
        assertThat(ghost.get()).isEqualTo("from-secrets-manager");
        assertThat(ghost.get()).isEqualTo("from-secrets-manager");
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue")));
        assertThat(secrets.value("k", "secretsmanager:precis/all#strapi").get()).isEqualTo("from-a-json-secret");
        assertThat(secrets.value("k", "ssm:/precis/wp").get()).isEqualTo("from-parameter-store");
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching(
                        "AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/eu-west-1/ssm/aws4_request, .*"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"Name\":\"/precis/wp\",\"WithDecryption\":true}")));
        assertThat(secrets.value("k", "plain-value").get()).isEqualTo("plain-value");
        assertThat(secrets.value("k", " ")).isNull();
    }

    @Test
    void aFailedReadNamesTheKeyButNotTheValue() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(containing("\"precis/missing\"")).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"ResourceNotFoundException\",\"message\":\"not found\"}")));
        Supplier<String> missing = new Secrets().value("precis.webhooks.sanity.secret", "secretsmanager:precis/missing");
        assertThatThrownBy(missing::get).hasMessageContaining("precis.webhooks.sanity.secret").hasMessageContaining("could not be read");
    }
}
