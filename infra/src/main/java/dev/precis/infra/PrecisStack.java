package dev.precis.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogField;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The precis deployment: the function with SnapStart behind an alias, an HTTP API whose routes all
 * target that alias, the job queue it consumes, the sweep schedule, the results bucket, the backfill state
 * machine, alarms, and log groups that expire. Every cdk-nag exception is explained where it is made.
 */
public final class PrecisStack extends Stack {

    /** Funqy's stream handler behind one that passes on the invocation's remaining time (queue and batch work stop short of it). */
    static final String HANDLER = "dev.precis.function.PrecisLambdaHandler::handleRequest";
    static final int TIMEOUT_SECONDS = 29;
    static final String ALIAS_NAME = "live";
    static final String WEBHOOK_ROUTE = "POST /v1/webhooks/{cms}";
    /** Quarkus' advice for SnapStart: C1 only, which restores faster than waiting for C2 after a restore. */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Function function;
    private final Alias alias;
    private final HttpApi api;
    private final JobQueues jobs;
    private final ResultsBucket results;
    private final SweepSchedule sweeps;
    private final Backfill backfill;

    public PrecisStack(Construct scope, String id, StackProps props, DeploymentSettings settings) {
        super(scope, id, props);
        LogGroup functionLogs = logGroup("FunctionLogs", settings.logRetentionDays());
        Role role = Role.Builder.create(this, "FunctionRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("precis function: its own log group, X-Ray, its job queue and results bucket, and the secrets it is given")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(functionLogs.getLogGroupArn() + ":*"))
                .build());

        function = Function.Builder.create(this, "Function")
                .description("precis: summarizes and tags news articles")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(Code.fromAsset(settings.functionZip()))
                .memorySize(settings.memorySize())
                .timeout(Duration.seconds(TIMEOUT_SECONDS))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .tracing(Tracing.ACTIVE)
                .role(role)
                .logGroup(functionLogs)
                .environment(environment(settings))
                .build();
        // SnapStart applies to published versions only; the alias below always publishes one.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every caller invokes the live alias, which points at a published version");
        alias = Alias.Builder.create(this, "LiveAlias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .description("What the API and callers invoke: always a published, SnapStart-enabled version")
                .build();

        new WebhookSecrets(this, "WebhookSecrets", function, role, settings.webhookCms(), settings.webhookSecretPrefix(),
                settings.readableSecrets());
        llm(settings.llm(), role);
        api = httpApi(settings);
        Alarms alarms = new Alarms(this, "Alarms", alias, api, TIMEOUT_SECONDS, settings.alarmEmail());

        BulkSettings bulk = settings.bulk();
        jobs = new JobQueues(this, "JobQueue", alias, TIMEOUT_SECONDS, bulk, alarms);
        function.addEnvironment("PRECIS_QUEUE_URL", jobs.queue().getQueueUrl());
        results = new ResultsBucket(this, "Results", bulk.resultsExpireDays());
        // PutObject only: grantPut would add tagging, retention and legal-hold rights the function never uses.
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(results.bucket().arnForObjects(ResultsBucket.BRIEFS_PREFIX + "/*")))
                .build());
        function.addEnvironment("PRECIS_DELIVER_S3_BUCKET", results.bucket().getBucketName());
        function.addEnvironment("PRECIS_DELIVER_S3_PREFIX", ResultsBucket.BRIEFS_PREFIX);
        boolean sourcesConfigured = !bulk.sweepSources().isEmpty() || settings.functionEnv().containsKey("PRECIS_SWEEP_SOURCES");
        sweeps = new SweepSchedule(this, "SweepSchedule", alias, bulk, sourcesConfigured, alarms);
        backfill = new Backfill(this, "Backfill", alias, results.bucket(), bulk,
                logGroup("BackfillLogs", settings.logRetentionDays()), alarms);

        CfnOutput.Builder.create(this, "ApiUrl").description("Base URL of the HTTP API")
                .value(api.getApiEndpoint() + stagePath(settings.stageName())).build();
        CfnOutput.Builder.create(this, "FunctionName").description("The Lambda function")
                .value(function.getFunctionName()).build();
        CfnOutput.Builder.create(this, "AliasArn").description("Invoke this ARN, not the function's $LATEST")
                .value(alias.getFunctionArn()).build();
        CfnOutput.Builder.create(this, "JobQueueUrl").description("Send jobs ({\"request\", \"deliver\"}) here")
                .value(jobs.queue().getQueueUrl()).build();
        CfnOutput.Builder.create(this, "JobDeadLetterQueueUrl").description("Jobs that failed three times")
                .value(jobs.deadLetters().getQueueUrl()).build();
        CfnOutput.Builder.create(this, "ResultsBucketName").description("Briefs under briefs/; backfill manifests under backfills/")
                .value(results.bucket().getBucketName()).build();
        CfnOutput.Builder.create(this, "BackfillStateMachineArn").description("Start a backfill: {\"key\": \"backfills/<manifest>\"}")
                .value(backfill.stateMachine().getStateMachineArn()).build();

        suppressions(role);
    }

    /**
     * The LLM engine's settings, and the one permission it needs: reading its API key's secret, or invoking its
     * Bedrock model and nothing else. Three calls of 8 s at most fit in the 29 s timeout with time to answer.
     */
    private void llm(LlmSettings llm, Role role) {
        if (!llm.enabled()) {
            return;
        }
        function.addEnvironment("PRECIS_LLM_PROVIDER", llm.provider());
        function.addEnvironment("PRECIS_LLM_MODEL", llm.model());
        if (llm.baseUrl() != null) {
            function.addEnvironment("PRECIS_LLM_BASE_URL", llm.baseUrl());
        }
        if (llm.secretName() != null) {
            Secret.fromSecretNameV2(this, "LlmApiKey", llm.secretName()).grantRead(role);
            function.addEnvironment("PRECIS_LLM_API_KEY", "secretsmanager:" + llm.secretName());
        }
        if (llm.provider().equals("bedrock")) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("bedrock:InvokeModel"))
                    .resources(bedrockResources(llm.model()))
                    .build());
        }
    }

    /**
     * The model, or, for a cross-region inference profile ("us.", "eu.", "apac." before the model id), the
     * profile in this region and the model it routes to in whichever region it picks.
     */
    private List<String> bedrockResources(String model) {
        java.util.regex.Matcher profile = java.util.regex.Pattern.compile("^(us|eu|apac|us-gov|global)\\.(.+)$").matcher(model);
        if (!profile.matches()) {
            return List.of(arn("bedrock", "", "foundation-model", model));
        }
        String anyRegion = "arn:" + Stack.of(this).getPartition() + ":bedrock:*::foundation-model/" + profile.group(2);
        return List.of(arn("bedrock", Stack.of(this).getAccount(), "inference-profile", model), anyRegion);
    }

    private String arn(String service, String account, String resource, String name) {
        return Stack.of(this).formatArn(ArnComponents.builder().service(service).account(account).resource(resource)
                .resourceName(name).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
    }

    private static Map<String, String> environment(DeploymentSettings settings) {
        Map<String, String> environment = new LinkedHashMap<>(settings.functionEnv());
        environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        environment.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        environment.put("PRECIS_INVOCATION_TIMEOUT", TIMEOUT_SECONDS + "s");
        return environment;
    }

    private HttpApi httpApi(DeploymentSettings settings) {
        HttpApi.Builder builder = HttpApi.Builder.create(this, "HttpApi")
                .description("precis HTTP API")
                .createDefaultStage(false);
        if (!settings.corsOrigins().isEmpty()) {
            builder.corsPreflight(CorsPreflightOptions.builder()
                    .allowOrigins(settings.corsOrigins())
                    .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST))
                    .allowHeaders(List.of("content-type", "authorization"))
                    .maxAge(Duration.hours(1))
                    .build());
        }
        HttpApi httpApi = builder.build();
        LogGroup accessLogs = logGroup("ApiAccessLogs", settings.logRetentionDays());
        HttpStage stage = HttpStage.Builder.create(this, "Stage")
                .httpApi(httpApi)
                .stageName(settings.stageName())
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(settings.throttleRateLimit())
                        .burstLimit(settings.throttleBurstLimit())
                        .build())
                .accessLogSettings(new AccessLogs(new LogGroupLogDestination(accessLogs), accessLogFormat()))
                .build();

        // Webhook senders are not behind the authorizer, so their route gets a budget of its own: a flood of
        // forged deliveries is refused by the signature check, but it should not eat the briefs route's share.
        // RouteSettings is untyped JSON in the L1, so it takes CloudFormation's own key names.
        ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(Map.of(WEBHOOK_ROUTE, Map.of(
                "ThrottlingRateLimit", settings.webhookRateLimit(),
                "ThrottlingBurstLimit", settings.webhookBurstLimit())));

        HttpLambdaIntegration integration = new HttpLambdaIntegration("Function", alias);
        httpApi.addRoutes(AddRoutesOptions.builder().path("/v1/briefs").methods(List.of(HttpMethod.POST))
                .integration(integration).authorizer(authorizer(settings)).build());
        httpApi.addRoutes(AddRoutesOptions.builder().path("/v1/webhooks/{cms}").methods(List.of(HttpMethod.POST))
                .integration(integration).authorizer(new HttpNoneAuthorizer()).build());
        httpApi.addRoutes(AddRoutesOptions.builder().path("/v1/health").methods(List.of(HttpMethod.GET))
                .integration(integration).authorizer(new HttpNoneAuthorizer()).build());
        return httpApi;
    }

    private static IHttpRouteAuthorizer authorizer(DeploymentSettings settings) {
        if (settings.authorizer().equals("jwt")) {
            return HttpJwtAuthorizer.Builder.create("JwtAuthorizer", settings.jwtIssuer())
                    .jwtAudience(settings.jwtAudience())
                    .build();
        }
        return new HttpIamAuthorizer();
    }

    /** JSON access log lines: who called which route, the answer and the latency; no bodies. */
    private static AccessLogFormat accessLogFormat() {
        return AccessLogFormat.custom("{\"requestId\":\"" + AccessLogField.contextRequestId() + "\","
                + "\"ip\":\"" + AccessLogField.contextIdentitySourceIp() + "\","
                + "\"requestTime\":\"" + AccessLogField.contextRequestTime() + "\","
                + "\"routeKey\":\"$context.routeKey\","
                + "\"status\":\"" + AccessLogField.contextStatus() + "\","
                + "\"responseLength\":\"" + AccessLogField.contextResponseLength() + "\","
                + "\"integrationLatency\":\"$context.integrationLatency\","
                + "\"integrationError\":\"$context.integrationErrorMessage\"}");
    }

    private LogGroup logGroup(String id, int retentionDays) {
        LogGroup logGroup = LogGroup.Builder.create(this, id).removalPolicy(RemovalPolicy.DESTROY).build();
        // The L2 takes an enum; the number the deployer chose is validated by DeploymentSettings.
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(retentionDays);
        return logGroup;
    }

    private static String stagePath(String stageName) {
        return stageName.equals("$default") ? "/" : "/" + stageName + "/";
    }

    private void suppressions(Role role) {
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .appliesTo(List.of("Resource::*", RegexAppliesTo.builder()
                        .regex("/^Resource::<FunctionLogs[A-Za-z0-9]+\\.Arn>:\\*$/").build(), RegexAppliesTo.builder()
                        .regex("/^Resource::<Results[A-Za-z0-9]+\\.Arn>\\/briefs\\/\\*$/").build(), RegexAppliesTo.builder()
                .regex("/^Resource::arn:<AWS::Partition>:bedrock:\\*::foundation-model\\/.*$/").build()))
                .reason("Resource '*' is for X-Ray's PutTraceSegments and PutTelemetryRecords, which support no "
                        + "resource-level permissions; '<log group>:*' covers the log streams Lambda names at run time, "
                        + "in this function's own log group only; '<results bucket>/briefs/*' is PutObject for briefs, whose "
                        + "keys hold the date, the article id and its content hash; 'bedrock:*::foundation-model/<model>' is "
                        + "the one model a cross-region inference profile may route to, in whichever region it picks.")
                .build()), true);
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("java21 is the runtime the function is built and tested for (Quarkus 3.33, SnapStart); "
                        + "a newer Java runtime is adopted deliberately, with its own test run, not by default.")
                .build()));
        NagSuppressions.addResourceSuppressions(api, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-APIG4")
                .reason("GET /v1/health is a public liveness probe that returns no data. POST /v1/webhooks/{cms} is "
                        + "authenticated by the function itself with each CMS's own scheme (HMAC signatures over the raw body "
                        + "with a timestamp window, or Strapi's static token), which API Gateway cannot verify; the route has "
                        + "its own throttling. POST /v1/briefs carries the IAM or JWT authorizer.")
                .build()), true);
    }

    public Function function() {
        return function;
    }

    public Alias alias() {
        return alias;
    }

    public HttpApi api() {
        return api;
    }

    JobQueues jobs() {
        return jobs;
    }

    ResultsBucket results() {
        return results;
    }

    SweepSchedule sweeps() {
        return sweeps;
    }

    Backfill backfill() {
        return backfill;
    }
}
