package org.openapproval.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openapproval.core.bootstrap.ProviderRegistry;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.port.in.Capability;
import org.openapproval.core.spi.ApprovalProvider;
import org.openapproval.core.spi.ProviderConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code approval doctor}: checks a real configuration step by step and writes nothing at the vendor. Each
 * step prints PASS, FAIL or SKIP with the vendor's code and a hint; later steps that depend on a failed one
 * are skipped. Exit 0 when nothing failed, 3 otherwise (2 when the configuration itself is incomplete).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check a real configuration, read-only: config, endpoint, TLS, credentials, clock skew, "
                + "one harmless read, capabilities.")
final class DoctorCommand implements Callable<Integer> {
    /** More skew than this breaks timestamped signatures and token lifetimes at the vendors. */
    static final Duration MAX_SKEW = Duration.ofSeconds(60);

    @Mixin
    ConnectionOptions connection;
    @Spec
    CommandSpec spec;
    private final ProviderRegistry registry;
    private final Connector connector;
    private final CliEnvironment environment;

    DoctorCommand(ProviderRegistry registry, Connector connector, CliEnvironment environment) {
        this.registry = registry;
        this.connector = connector;
        this.environment = environment;
    }

    /** One step's result. */
    record Check(String step, Verdict verdict, String detail) {
        enum Verdict { PASS, FAIL, SKIP }

        String line() {
            return String.format("%-5s %-22s %s", verdict, step, detail);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ApprovalProvider provider = registry.provider(connection.provider);
        String id = provider.descriptor().id();
        out.println("approval doctor: " + id + " (read-only; nothing is written at the vendor)");
        List<Check> checks = new ArrayList<>();
        Optional<ProviderConfig> config = configStep(provider, checks, out);
        if (config.isEmpty()) {
            return ExitCodes.USAGE;
        }
        Optional<URI> endpoint = config.get().get("endpoint").map(URI::create);
        Optional<HttpResponse<Void>> answer = endpointStep(endpoint, checks, out);
        tlsStep(endpoint, answer, checks, out);
        boolean connected = false;
        try (Session session = connector.connect(provider, config.get())) {
            ApprovalService service = session.service();
            connected = credentialsStep(service, checks, out);
            skewStep(answer, checks, out);
            readStep(service, connected, checks, out);
            capabilitiesStep(service, checks, out);
        }
        long failed = checks.stream().filter(c -> c.verdict() == Check.Verdict.FAIL).count();
        out.println(failed == 0 ? "all checks passed" : failed + " check(s) failed");
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.VENDOR;
    }

    private static void report(Check check, List<Check> checks, PrintWriter out) {
        checks.add(check);
        out.println(check.line());
        out.flush();
    }

    private Optional<ProviderConfig> configStep(ApprovalProvider provider, List<Check> checks, PrintWriter out) {
        if (!connector.configured(connection)) {
            report(new Check("config complete", Check.Verdict.FAIL, "nothing configured for " + provider.descriptor().id()
                    + "; hint: give -c <file> or APPROVAL_" + provider.descriptor().id().toUpperCase(java.util.Locale.ROOT)
                    + "_* variables (`approval providers` lists the keys)"), checks, out);
            return Optional.empty();
        }
        try {
            ProviderConfig config = ProviderConfig.resolve(provider.descriptor(), connector.sources(connection))
                    .validate();
            report(new Check("config complete", Check.Verdict.PASS, "every required key is set: "
                    + config.masked().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "))), checks, out);
            return Optional.of(config);
        } catch (RuntimeException e) {
            report(new Check("config complete", Check.Verdict.FAIL, Renderer.oneLine(String.valueOf(e.getMessage()))
                    + "; hint: `approval providers` lists the keys"), checks, out);
            return Optional.empty();
        }
    }

    private Optional<HttpResponse<Void>> endpointStep(Optional<URI> endpoint, List<Check> checks, PrintWriter out) {
        if (endpoint.isEmpty()) {
            report(new Check("endpoint reachable", Check.Verdict.SKIP, "the provider has no endpoint key"), checks, out);
            return Optional.empty();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            // a GET on the base URL: any HTTP answer proves the host is reachable, and carries the Date header
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(endpoint.get()).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            report(new Check("endpoint reachable", Check.Verdict.PASS, endpoint.get() + " answered HTTP "
                    + answer.statusCode()), checks, out);
            return Optional.of(answer);
        } catch (IOException e) {
            report(new Check("endpoint reachable", Check.Verdict.FAIL, endpoint.get() + ": " + describe(e)
                    + "; hint: check the endpoint key, DNS, proxy and firewall"), checks, out);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void tlsStep(Optional<URI> endpoint, Optional<HttpResponse<Void>> answer, List<Check> checks,
                                PrintWriter out) {
        if (endpoint.isEmpty()) {
            report(new Check("TLS", Check.Verdict.SKIP, "no endpoint"), checks, out);
        } else if ("http".equalsIgnoreCase(endpoint.get().getScheme())) {
            report(isLoopback(endpoint.get()) ? new Check("TLS", Check.Verdict.SKIP, "skipped: loopback http")
                    : new Check("TLS", Check.Verdict.FAIL, "plain http to a remote host; hint: use the vendor's https "
                    + "endpoint"), checks, out);
        } else if (answer.isEmpty()) {
            report(new Check("TLS", Check.Verdict.FAIL, "no TLS session (the endpoint did not answer)"), checks, out);
        } else {
            report(new Check("TLS", Check.Verdict.PASS, answer.get().sslSession().map(s -> s.getProtocol() + ", "
                    + s.getCipherSuite()).orElse("https")), checks, out);
        }
    }

    private boolean credentialsStep(ApprovalService service, List<Check> checks, PrintWriter out) {
        try {
            // reading an id that cannot exist: the provider authenticates (fetching a token where the vendor has
            // one) and the vendor answers "not found"
            service.process(ProcessId.parse(absentProcessId(service.providerId())));
            report(new Check("credentials accepted", Check.Verdict.PASS, tokenNote(service.providerId())), checks, out);
            return true;
        } catch (RuntimeException e) {
            report(new Check("credentials accepted", Check.Verdict.FAIL, failure(e)), checks, out);
            return false;
        }
    }

    private void skewStep(Optional<HttpResponse<Void>> answer, List<Check> checks, PrintWriter out) {
        Optional<String> date = answer.flatMap(a -> a.headers().firstValue("Date"));
        if (date.isEmpty()) {
            report(new Check("clock skew", Check.Verdict.SKIP, "the vendor sent no Date header"), checks, out);
            return;
        }
        Instant vendor = ZonedDateTime.parse(date.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration skew = Duration.between(vendor, environment.clock().instant()).abs();
        // the Date header has whole seconds: up to one second is rounding, not skew
        boolean ok = skew.compareTo(MAX_SKEW) <= 0;
        report(new Check("clock skew", ok ? Check.Verdict.PASS : Check.Verdict.FAIL, skew.toSeconds()
                + " s against the vendor's Date header" + (ok ? "" : "; hint: sync this machine's clock (NTP); "
                + "signatures and tokens are timestamped")), checks, out);
    }

    private static void readStep(ApprovalService service, boolean connected, List<Check> checks, PrintWriter out) {
        if (!connected) {
            report(new Check("harmless read", Check.Verdict.SKIP, "credentials failed"), checks, out);
            return;
        }
        try {
            int found = service.processesOf(RecordRef.parse(absentRecord(service.providerId()))).size();
            report(new Check("harmless read", Check.Verdict.PASS, "listed the processes of a record that does not "
                    + "exist (" + found + " found)"), checks, out);
        } catch (RuntimeException e) {
            report(new Check("harmless read", Check.Verdict.FAIL, failure(e)), checks, out);
        }
    }

    private static void capabilitiesStep(ApprovalService service, List<Check> checks, PrintWriter out) {
        String can = service.capabilities().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        List<String> cannot = new ArrayList<>();
        for (Capability c : Capability.values()) {
            service.unsupportedReason(c).ifPresent(r -> cannot.add(c + " (" + r + ")"));
        }
        report(new Check("capabilities", Check.Verdict.PASS, "these credentials allow " + can
                + " (writes are not exercised)" + (cannot.isEmpty() ? "" : "; missing: " + String.join("; ", cannot))),
                checks, out);
    }

    // ------------------------------------------------------------------ vendor knowledge (to move into the adapters)

    /** An id shaped like the vendor's own, so the request reaches the vendor, and that cannot exist. */
    private static String absentProcessId(String provider) {
        String hex = "0".repeat(24);
        return switch (provider) {
            case "nocoly" -> hex + ":" + hex + ":" + hex;
            case "fxiaoke" -> hex;
            default -> "P0";
        };
    }

    private static String absentRecord(String provider) {
        String hex = "0".repeat(24);
        return switch (provider) {
            case "nocoly" -> hex + ":" + hex;
            case "fxiaoke" -> "ContractObj:" + hex;
            default -> "Record:R0";
        };
    }

    private static String tokenNote(String provider) {
        return switch (provider) {
            case "fxiaoke" -> "access token fetched and accepted";
            case "nocoly" -> "signed request accepted (HAP has no token)";
            default -> "accepted";
        };
    }

    private static String failure(RuntimeException e) {
        StringBuilder s = new StringBuilder(Renderer.oneLine(String.valueOf(e.getMessage())));
        if (e instanceof org.openapproval.core.domain.AuthenticationException) {
            s.append("; hint: check the credential keys (`approval providers` lists them)");
        } else if (e instanceof org.openapproval.core.domain.PermissionDeniedException) {
            s.append("; hint: the credentials are valid but lack permission");
        } else if (e instanceof ApprovalException) {
            s.append("; hint: retry later; if it persists, the vendor's status page or support");
        }
        return s.toString();
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + Renderer.oneLine(e.getMessage()));
    }

    private static boolean isLoopback(URI uri) {
        try {
            return uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

}
