package io.pantau.alerts;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * Whether e-mail can go out at all. The Quarkus mailer falls back to {@code localhost:25} when
 * {@code quarkus.mailer.host} is not set, so on a fresh install an e-mail rule was accepted and
 * then failed five times where only its events showed it; rules are checked against this when they
 * are saved instead.
 */
@ApplicationScoped
class MailServer {
  private static final Logger LOG = Logger.getLogger(MailServer.class);
  static final String HOST = "quarkus.mailer.host";
  static final String MOCK = "quarkus.mailer.mock";

  /**
   * Sources at or below this ordinal hold defaults (SmallRye's and Quarkus's default-value sources
   * sit near {@link Integer#MIN_VALUE}); every place a user sets configuration (properties files,
   * .env, environment, system properties) is 100 or above.
   */
  private static final int DEFAULTS_ORDINAL = 0;

  private final Optional<String> missing;

  MailServer(Config config) {
    ConfigValue host = config.getConfigValue(HOST);
    boolean hostSet =
        host.getRawValue() != null
            && !host.getRawValue().isBlank()
            && host.getSourceOrdinal() > DEFAULTS_ORDINAL;
    this.missing =
        missing(
            hostSet,
            config.getOptionalValue(MOCK, Boolean.class),
            LaunchMode.current().isDevOrTest());
    missing.ifPresent(
        m ->
            LOG.infof(
                "No mail server is configured (%s is not set): rules with e-mail channels are"
                    + " refused until it is.",
                HOST));
  }

  /**
   * Why e-mail cannot be delivered, or empty when it can.
   *
   * @param hostSet whether {@code quarkus.mailer.host} is set somewhere (not its default)
   * @param mock {@code quarkus.mailer.mock} as set, if it is
   * @param devOrTest whether Quarkus runs in dev or test mode, where the mailer mocks by default
   */
  static Optional<String> missing(boolean hostSet, Optional<Boolean> mock, boolean devOrTest) {
    // A mocked mailer "delivers" to its in-memory mailbox and the log: that is what whoever turned
    // it on (or runs dev mode) asked for, so rules are accepted.
    if (mock.orElse(devOrTest) || hostSet) {
      return Optional.empty();
    }
    return Optional.of(
        "e-mail channels need a mail server, and none is configured: set "
            + HOST
            + " (environment QUARKUS_MAILER_HOST) and, as the server needs, quarkus.mailer.port,"
            + " quarkus.mailer.username, quarkus.mailer.password and quarkus.mailer.from"
            + " (PANTAU_MAIL_FROM); or use a webhook channel.");
  }

  /** Why e-mail cannot be delivered, or empty when it can. */
  Optional<String> missing() {
    return missing;
  }
}
