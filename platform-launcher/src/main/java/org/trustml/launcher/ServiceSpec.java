package org.trustml.launcher;

import java.util.List;

/**
 * A service the launcher knows how to start: its module, its name under {@code /api/v1/} and its port. Ports match
 * each module's {@code application.yml}, docker-compose.yml and k8s/ (a test checks them).
 */
record ServiceSpec(String module, String name, int port) {

  static final ServiceSpec GATEWAY = new ServiceSpec("gateway-service", "gateway", 8080);

  /** Method services, started when their module has been built. */
  static final List<ServiceSpec> METHOD_SERVICES = List.of(
      new ServiceSpec("pruning-service", "pruning", 8081),
      new ServiceSpec("nas-service", "nas", 8082),
      new ServiceSpec("fairness-service", "fairness", 8083),
      new ServiceSpec("synthesis-service", "synthesis", 8084),
      new ServiceSpec("fhe-service", "fhe", 8085),
      new ServiceSpec("robustness-service", "robustness", 8086));

  String envName() {
    return name.toUpperCase().replace('-', '_');
  }
}
