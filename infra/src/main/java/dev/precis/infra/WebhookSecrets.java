package dev.precis.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

import java.util.List;
import java.util.Locale;

/**
 * One generated Secrets Manager secret per enabled CMS (its webhook signing secret, or Strapi's token),
 * which the function's role is granted to read (people need IAM rights of their own, as the operator who pastes
 * it into the CMS has); the function finds each through
 * {@code PRECIS_WEBHOOKS_<CMS>_SECRET=secretsmanager:<name>} and reads it once per container. Further
 * secrets the deployer keeps (CMS credentials for write-back) are granted by name.
 */
final class WebhookSecrets extends Construct {

    /** Contentful requires exactly 64 characters; 64 letters and digits suit every sender. */
    private static final int SECRET_LENGTH = 64;

    WebhookSecrets(Construct scope, String id, Function function, IGrantable role, List<String> cms, String prefix,
                   List<String> readableSecrets) {
        super(scope, id);
        for (String name : cms) {
            String secretName = prefix + name;
            Secret secret = Secret.Builder.create(this, "Webhook-" + name)
                    .secretName(secretName)
                    .description("precis webhook " + (name.equals("strapi") ? "token" : "signing secret") + " for " + name
                            + ": paste it into the CMS's webhook settings")
                    .generateSecretString(SecretStringGenerator.builder()
                            .passwordLength(SECRET_LENGTH)
                            .excludePunctuation(true)
                            .build())
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
            secret.grantRead(role);
            String variable = "PRECIS_WEBHOOKS_" + name.toUpperCase(Locale.ROOT) + (name.equals("strapi") ? "_TOKEN" : "_SECRET");
            // The name as written, not the secret's name token, which CloudFormation would derive from the ARN.
            function.addEnvironment(variable, "secretsmanager:" + secretName);
            NagSuppressions.addResourceSuppressions(secret, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-SMG4")
                    .reason("A webhook secret is pasted by hand into the CMS's admin; rotating it automatically would break "
                            + "deliveries until someone copies the new value, so it is rotated deliberately, by the operator.")
                    .build()));
            CfnOutput.Builder.create(this, "SecretName-" + name).description("Secrets Manager name of the " + name + " webhook secret")
                    .value(secretName).build();
        }
        for (String name : readableSecrets) {
            ISecret secret = Secret.fromSecretNameV2(this, "Readable-" + name.replaceAll("[^A-Za-z0-9]", "-"), name);
            secret.grantRead(role);
        }
    }
}
