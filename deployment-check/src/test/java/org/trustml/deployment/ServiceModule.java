package org.trustml.deployment;

import java.util.Locale;

/**
 * One service module: a directory {@code <name>-service} at the repository root with a {@code pom.xml}.
 *
 * @param module directory and artifact name, e.g. {@code fairness-service}; also the compose service, the
 *               Kubernetes Deployment/Service name and the image name {@code trustml/<module>}
 * @param port   {@code server.port} of its {@code application.yml} (placeholder default)
 */
record ServiceModule(String module, int port) {

    static final String GATEWAY = "gateway-service";
    static final String SUFFIX = "-service";

    ServiceModule {
        if (!module.endsWith(SUFFIX) || module.length() == SUFFIX.length()) {
            throw new IllegalArgumentException("not a service module name: " + module);
        }
    }

    boolean isGateway() {
        return GATEWAY.equals(module);
    }

    /** Module name without {@code -service}, e.g. {@code fairness}. */
    String shortName() {
        return module.substring(0, module.length() - SUFFIX.length());
    }

    /** PostgreSQL schema the service's job table lives in, e.g. {@code fairness}. */
    String schema() {
        return shortName().replace('-', '_');
    }

    /** The gateway's route variable for this service, e.g. {@code TRUSTML_GATEWAY_SERVICES_FAIRNESS}. */
    String routeEnv() {
        return "TRUSTML_GATEWAY_SERVICES_" + shortName().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** In-cluster / in-compose base URL, e.g. {@code http://fairness-service:8083}. */
    String url() {
        return "http://" + module + ":" + port;
    }

    /** Image repository without tag, e.g. {@code trustml/fairness-service}. */
    String imageRepository() {
        return "trustml/" + module;
    }
}
