package org.trustml.gateway.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.trustml.gateway.GatewayProperties;

/**
 * Makes sure somebody can administer the platform: the operator's {@code TRUSTML_ADMIN_KEY} is registered, or, when
 * none is set and no admin key exists yet, one is generated and printed once.
 */
@Component
class AdminKeyBootstrap implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

  private final ApiKeys keys;
  private final GatewayProperties props;

  AdminKeyBootstrap(ApiKeys keys, GatewayProperties props) {
    this.keys = keys;
    this.props = props;
  }

  @Override
  public void run(ApplicationArguments args) {
    String configured = props.adminKey();
    if (configured != null && !configured.isBlank()) {
      if (configured.length() < 16) {
        throw new IllegalStateException("TRUSTML_ADMIN_KEY must be at least 16 characters");
      }
      if (keys.existing(configured).isEmpty()) {
        try {
          keys.register(configured, "admin", Role.ADMIN, null, "bootstrap (TRUSTML_ADMIN_KEY)");
          log.info("registered the admin key from TRUSTML_ADMIN_KEY");
        } catch (org.springframework.dao.DuplicateKeyException raced) {
          // another gateway replica registered it at the same moment
        }
      }
      return;
    }
    if (keys.activeAdmins() == 0) {
      ApiKeys.Issued issued = keys.issue("admin", Role.ADMIN, null, "bootstrap (generated)");
      // printed once, on purpose on stdout: it is the only time the secret exists outside the caller's hands
      System.out.println();
      System.out.println("  trustml admin API key (shown once, keep it): " + issued.secret());
      System.out.println();
    }
  }
}
